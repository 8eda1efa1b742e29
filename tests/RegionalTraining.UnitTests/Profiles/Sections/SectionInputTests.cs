using RegionalTraining.Core.Common;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.Sections;

namespace RegionalTraining.UnitTests.Profiles.Sections;

/// <summary>
/// Each section described once: its rules run from its input record alone (no database, no entity), what it
/// writes to the profile it reads back, and what carries over to a new year is what the input says.
/// </summary>
public sealed class SectionInputTests
{
    private static readonly ProfileRulesOptions Options = new();

    public static TheoryData<ProfileSection, ProfileInputs, ProfileInputs?, string> OneBrokenRulePerSection() => new()
    {
        { ProfileSection.General, ProfileInputs.Empty, null, Messages.SectionEmpty },
        {
            ProfileSection.HumanResources,
            ProfileInputs.Empty with { HumanResources = new() { ContractTrainers = 4, ContractTrainersWomen = 5 } }, null, Messages.WomenAboveTotal
        },
        {
            ProfileSection.MaterialResources,
            ProfileInputs.Empty with { MaterialResources = new() { Computers = 79 } },
            ProfileInputs.Empty with { MaterialResources = new() { Computers = 60 } }, Messages.ChangedFromLastYear
        },
        {
            ProfileSection.Programmes,
            ProfileInputs.Empty with { Programmes = new() { Programmes = [new() { ProgrammeId = 1, Capacity = 10, FirstYearTrainees = 12 }] } }, null, Messages.AboveCapacity
        },
    };

    [Theory]
    [MemberData(nameof(OneBrokenRulePerSection))]
    public void Rules_RunFromTheSectionInputAlone(ProfileSection section, ProfileInputs now, ProfileInputs? last, string expected)
    {
        var issues = ProfileRules.Check(now, last, Options, forSubmission: true).Where(i => i.Section == section).ToList();

        Assert.Contains(issues, i => i.MessageKey == expected);
    }

    [Fact]
    public void Rules_OfAFilledSection_DoNotReportTheOthers()
    {
        var staff = new HumanResourcesInput { PermanentTrainers = 10, PermanentTrainersWomen = 4 };

        var issues = ProfileRules.Check(ProfileInputs.Empty with { HumanResources = staff }, null, Options, forSubmission: false);

        Assert.Empty(issues);
    }

    [Fact]
    public void GeneralInput_WrittenToAProfile_ReadsBackTheSame() =>
        AssertRoundTrip(Filled<GeneralInput>(), (input, p) => input.ApplyTo(p), GeneralInput.From);

    [Fact]
    public void HumanResourcesInput_WrittenToAProfile_ReadsBackTheSame() =>
        AssertRoundTrip(Filled<HumanResourcesInput>(), (input, p) => input.ApplyTo(p), HumanResourcesInput.From);

    [Fact]
    public void MaterialResourcesInput_WrittenToAProfile_ReadsBackTheSame() =>
        AssertRoundTrip(
            Filled<MaterialResourcesInput>() with { Equipment = [new() { Name = "Tour CNC", Quantity = 2, Condition = EquipmentCondition.NeedsRepair }] },
            (input, p) => input.ApplyTo(p), MaterialResourcesInput.From);

    [Fact]
    public void ProgrammesInput_WrittenToAProfile_ReadsBackTheSame() =>
        AssertRoundTrip(
            new ProgrammesInput { Programmes = [Filled<ProgrammeRowInput>() with { ProgrammeId = 3, Remove = false }] },
            (input, p) => input.ApplyTo(p, new Dictionary<int, RegionalTraining.Core.Organisation.Programme>()), ProgrammesInput.From);

    [Fact]
    public void ForNewYear_KeepsProgrammesGroupsAndPlaces_ButNotTheYearsCounts()
    {
        var last = ProfileInputs.Empty with
        {
            HumanResources = new() { PermanentTrainers = 12 },
            Programmes = new() { Programmes = [new() { ProgrammeId = 3, Groups = 2, Capacity = 50, FirstYearTrainees = 40, GraduatesLastYear = 30 }] },
        };

        var next = last.ForNewYear();

        Assert.Equal(12, next.HumanResources.PermanentTrainers);
        var row = Assert.Single(next.Programmes.Programmes);
        Assert.Equal((3, 2, 50, 0, 0), (row.ProgrammeId, row.Groups, row.Capacity, row.FirstYearTrainees, row.GraduatesLastYear));
    }

    [Fact]
    public void Differences_NameEachFieldThatDiffers_AsTheFormNamesIt()
    {
        var typed = new ProgrammesInput { Programmes = [new() { ProgrammeId = 1, Groups = 3, Capacity = 90 }, new()] };
        var stored = new ProgrammesInput { Programmes = [new() { ProgrammeId = 1, Groups = 4, Capacity = 90 }] };

        var differences = SectionFields.Differences(typed, stored);

        Assert.Equal(["Programmes[0].Groups"], differences.Keys);
        Assert.Equal(4, differences["Programmes[0].Groups"]);
    }

    private static void AssertRoundTrip<TInput>(TInput input, Action<TInput, EstablishmentProfile> apply, Func<EstablishmentProfile, TInput> read)
        where TInput : ISectionInput
    {
        var profile = new EstablishmentProfile();

        apply(input, profile);

        Assert.Empty(SectionFields.Differences(input, read(profile)));
    }

    /// <summary>Every settable scalar of the input set to a distinct value, so a field forgotten by a mapping shows.</summary>
    private static T Filled<T>() where T : new()
    {
        var value = new T();
        var n = 1;
        foreach (var property in typeof(T).GetProperties().Where(p => p.CanWrite))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object? set = type == typeof(string) ? $"text {n}"
                : type == typeof(int) ? 1950 + n
                : type == typeof(bool) ? true
                : type.IsEnum ? Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)
                : null;
            if (set is not null)
            {
                property.SetValue(value, set);
            }

            n++;
        }

        return value;
    }
}
