using System.ComponentModel.DataAnnotations;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.Sections;

namespace RegionalTraining.UnitTests.Profiles;

public sealed class ProfileRulesTests
{
    private static readonly ProfileRulesOptions Options = new();

    /// <summary>A complete, consistent sheet: every rule passes on it, so each test breaks exactly one thing.</summary>
    private static EstablishmentProfile Valid() => new()
    {
        OpeningYear = 2010, SiteAreaSquareMetres = 5000, HasCanteen = true, BuildingCondition = BuildingCondition.Good,
        PermanentTrainers = 20, PermanentTrainersWomen = 8, ContractTrainers = 4, ContractTrainersWomen = 2,
        PartTimeTrainers = 1, PartTimeTrainersWomen = 0, AdministrativeStaff = 6, AdministrativeStaffWomen = 3,
        Classrooms = 12, Workshops = 4, Computers = 60, BoardingPlaces = 100,
        Programmes =
        [
            new ProfileProgramme { ProgrammeId = 1, Groups = 4, Capacity = 100, FirstYearTrainees = 50, FirstYearWomen = 20, SecondYearTrainees = 45, SecondYearWomen = 18, GraduatesLastYear = 40, GraduatesLastYearWomen = 15 },
            new ProfileProgramme { ProgrammeId = 2, Groups = 2, Capacity = 50, FirstYearTrainees = 25, FirstYearWomen = 25, SecondYearTrainees = 20, SecondYearWomen = 10 },
        ],
    };

    [Fact]
    public void Check_OnAConsistentSheet_FindsNothing() =>
        Assert.Empty(ProfileRules.Check(In(Valid()), lastApproved: null, Options, forSubmission: true));

    /// <summary>Rules read the sections as inputs, the way the service and the forms hold them.</summary>
    private static ProfileInputs In(EstablishmentProfile profile) => ProfileInputs.From(profile);

    private static List<ValidationResult> Limits(object input)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Save_WithNegativeCount_IsRefusedByTheInputsLimitOnThatField()
    {
        var input = In(Valid()).MaterialResources with { Computers = -1 };

        Assert.Equal(["Computers"], Assert.Single(Limits(input)).MemberNames);
    }

    [Fact]
    public void Save_WithNegativeTraineesInAProgramme_IsRefusedByTheRowsLimit()
    {
        var row = In(Valid()).Programmes.Programmes[1] with { SecondYearTrainees = -3 };

        Assert.Equal(["SecondYearTrainees"], Assert.Single(Limits(row)).MemberNames);
    }

    [Fact]
    public void Submit_WithFemaleAboveTotal_ReturnsError()
    {
        var profile = Valid();
        profile.ContractTrainersWomen = 5;

        var issue = Assert.Single(ProfileRules.WomenNotAboveTotal(In(profile).HumanResources));

        Assert.Equal("ContractTrainersWomen", issue.Field);
        Assert.Equal(IssueLevel.Error, issue.Level);
        Assert.Equal(4, issue.Arguments[0]);
    }

    [Fact]
    public void Submit_WithFemaleTraineesAboveTotalInAProgramme_ReturnsErrorOnThatRow()
    {
        var profile = Valid();
        profile.Programmes[0].FirstYearWomen = 51;

        Assert.Equal("Programmes[0].FirstYearWomen", Assert.Single(ProfileRules.WomenNotAboveTotal(In(profile).Programmes)).Field);
    }

    [Theory]
    [InlineData(110, false)]
    [InlineData(111, true)]
    public void Submit_WithTraineesAboveCapacity_IsAnErrorOnlyBeyondTheMargin(int trainees, bool expectError)
    {
        var profile = Valid();
        profile.Programmes[0].FirstYearTrainees = trainees - 45;

        var issues = ProfileRules.TraineesWithinCapacity(In(profile).Programmes, 0.10m).ToList();

        Assert.Equal(expectError, issues.Any(i => i.Field == "Programmes[0].Capacity" && i.Level == IssueLevel.Error));
    }

    [Fact]
    public void Submit_WithTheSameProgrammeTwice_ReturnsError()
    {
        var profile = Valid();
        profile.Programmes[1].ProgrammeId = 1;

        Assert.Equal("Programmes[1].ProgrammeId", Assert.Single(ProfileRules.ProgrammesUnique(In(profile).Programmes)).Field);
    }

    [Fact]
    public void Submit_WithEmptySections_ReturnsOneErrorPerRequiredSection()
    {
        var issues = ProfileRules.RequiredSections(ProfileInputs.Empty).ToList();

        Assert.Equal(
            [ProfileSection.General, ProfileSection.HumanResources, ProfileSection.MaterialResources, ProfileSection.Programmes],
            issues.Select(i => i.Section));
        Assert.All(issues, i => Assert.Equal(IssueLevel.Error, i.Level));
    }

    [Fact]
    public void Save_OfADraftWithEmptySections_DoesNotReportThem()
    {
        Assert.DoesNotContain(ProfileRules.Check(ProfileInputs.Empty, null, Options, forSubmission: false),
            i => i.MessageKey == Messages.SectionEmpty || i.MessageKey == Messages.NoProgramme);
    }

    [Fact]
    public void Submit_WithComputersUpMoreThan30PercentFromLastYear_ReturnsWarning()
    {
        var last = Valid();
        var profile = Valid();
        profile.Computers = 79;

        var issue = Assert.Single(ProfileRules.YearOnYearChanges(In(profile), In(last), 0.30m));

        Assert.Equal((ProfileSection.MaterialResources, "Computers", IssueLevel.Warning), (issue.Section, issue.Field, issue.Level));
        Assert.Equal(new object[] { "Computers", 60, 79, 32m }, issue.Arguments);
    }

    [Fact]
    public void Submit_WithChangeOfExactly30Percent_IsNotAWarning()
    {
        var last = Valid();
        var profile = Valid();
        profile.Computers = 78;

        Assert.Empty(ProfileRules.YearOnYearChanges(In(profile), In(last), 0.30m));
    }

    [Fact]
    public void Submit_WithTraineesHalvedFromLastYear_ReturnsWarningOnProgrammes()
    {
        var last = Valid();
        var profile = Valid();
        profile.Programmes.RemoveAt(0);

        Assert.Contains(ProfileRules.YearOnYearChanges(In(profile), In(last), 0.30m), i => i.Section == ProfileSection.Programmes && i.Level == IssueLevel.Warning);
    }

    [Fact]
    public void Submit_WithoutLastYear_HasNoYearOnYearWarning() =>
        Assert.Empty(ProfileRules.YearOnYearChanges(In(Valid()), null, 0.30m));

    [Theory]
    [InlineData(25, false)]
    [InlineData(2, true)]
    [InlineData(200, true)]
    public void Submit_WithTraineesPerTrainerOutsideRange_ReturnsWarning(int permanentTrainers, bool expectWarning)
    {
        var profile = Valid();
        profile.PermanentTrainers = permanentTrainers;
        profile.ContractTrainers = 0;
        profile.PartTimeTrainers = 0;
        profile.PermanentTrainersWomen = 0;
        profile.ContractTrainersWomen = 0;

        var issues = ProfileRules.TraineesPerTrainer(In(profile), 5, 40).ToList();

        Assert.Equal(expectWarning, issues.Any(i => i.Level == IssueLevel.Warning));
    }
}
