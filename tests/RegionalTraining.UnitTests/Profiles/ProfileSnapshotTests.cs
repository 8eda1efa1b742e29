using RegionalTraining.Core.Profiles;

namespace RegionalTraining.UnitTests.Profiles;

public sealed class ProfileSnapshotTests
{
    [Fact]
    public void Diff_OfAChangedCount_RecordsOldAndNew()
    {
        var profile = new EstablishmentProfile { Computers = 40 };
        var before = ProfileSnapshot.Of(profile, ProfileSection.MaterialResources);
        profile.Computers = 55;

        var change = Assert.Single(ProfileSnapshot.Diff(before, ProfileSnapshot.Of(profile, ProfileSection.MaterialResources)));

        Assert.Equal(("Computers", "40", "55"), (change.Field, change.OldValue, change.NewValue));
    }

    [Fact]
    public void Diff_OfEquipment_KeysEachPieceByItsName()
    {
        var profile = new EstablishmentProfile { Equipment = [new ProfileEquipment { Name = "Tour CNC", Quantity = 1, Condition = EquipmentCondition.Working }] };
        var before = ProfileSnapshot.Of(profile, ProfileSection.MaterialResources);
        profile.Equipment[0].Quantity = 2;

        var change = Assert.Single(ProfileSnapshot.Diff(before, ProfileSnapshot.Of(profile, ProfileSection.MaterialResources)));

        Assert.Equal(("Equipment: Tour CNC", "1 (Working)", "2 (Working)"), (change.Field, change.OldValue, change.NewValue));
    }

    [Fact]
    public void Diff_WithNothingChanged_IsEmpty()
    {
        var profile = new EstablishmentProfile { PermanentTrainers = 3 };

        Assert.Empty(ProfileSnapshot.Diff(ProfileSnapshot.Of(profile, ProfileSection.HumanResources), ProfileSnapshot.Of(profile, ProfileSection.HumanResources)));
    }

    [Fact]
    public void CopyForNewYear_KeepsResourcesAndProgrammesButNotTraineeCounts()
    {
        var last = new EstablishmentProfile
        {
            Id = 7, Computers = 30, PermanentTrainers = 12,
            Programmes = [new ProfileProgramme { ProgrammeId = 3, Groups = 2, Capacity = 50, FirstYearTrainees = 40, FirstYearWomen = 10 }],
            Equipment = [new ProfileEquipment { Name = "Tour CNC", Quantity = 1, Condition = EquipmentCondition.NeedsRepair }],
        };

        var copy = ProfileService.CopyForNewYear(last);

        Assert.Equal(7, copy.PrefilledFromId);
        Assert.Equal(30, copy.Computers);
        Assert.Equal(12, copy.PermanentTrainers);
        var row = Assert.Single(copy.Programmes);
        Assert.Equal((3, 2, 50, 0), (row.ProgrammeId, row.Groups, row.Capacity, row.FirstYearTrainees));
        Assert.Equal("Tour CNC", Assert.Single(copy.Equipment).Name);
    }
}
