namespace RegionalTraining.IntegrationTests.Infrastructure;

/// <summary>One portal (and one database) shared by the tests of a collection: starting it costs seconds.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<RegionalTrainingFactory>
{
    public const string Name = "Portal";
}
