namespace RegionalTraining.Core.Common;

/// <summary>The person on whose behalf the code runs; "system" when no one is signed in (seeding, jobs).</summary>
public interface ICurrentUser
{
    string? UserId { get; }

    string Name { get; }
}

/// <summary>Used outside a web request (seeding, command-line tasks).</summary>
public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();

    public string? UserId => null;

    public string Name => "system";
}
