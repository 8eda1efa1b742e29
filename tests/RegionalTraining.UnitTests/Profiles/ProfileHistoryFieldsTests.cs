using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.Sections;

namespace RegionalTraining.UnitTests.Profiles;

/// <summary>
/// Each history line is written by the snapshot or a description and read back by <see cref="ProfileHistoryFields"/>:
/// these tests write with the real writers and read, so that a change to one side without the other fails here.
/// </summary>
public sealed class ProfileHistoryFieldsTests
{
    [Fact]
    public void Read_OfAnOfWhichWomenField_GivesItsLabelAndTheTotalsLabel()
    {
        var field = ProfileHistoryFields.Read(ProfileSection.HumanResources, nameof(HumanResourcesInput.ContractTrainersWomen));

        Assert.Equal((HistoryFieldKind.Scalar, "of which women", "Contract trainers", typeof(int)), (field.Kind, field.Label, field.ParentLabel, field.ValueType));
    }

    [Theory]
    [InlineData(nameof(GeneralInput.HasCanteen), "Canteen", typeof(bool))]
    [InlineData(nameof(GeneralInput.BuildingCondition), "State of the buildings", typeof(BuildingCondition))]
    [InlineData(nameof(GeneralInput.OpeningYear), "Opening year", typeof(int))]
    public void Read_OfAGeneralField_GivesItsLabelAndValueType(string key, string label, Type type)
    {
        var field = ProfileHistoryFields.Read(ProfileSection.General, key);

        Assert.Equal((HistoryFieldKind.Scalar, label, null, type), (field.Kind, field.Label, field.ParentLabel, field.ValueType));
    }

    [Fact]
    public void Read_OfEverySnapshotKey_KnowsEachOne()
    {
        var profile = new EstablishmentProfile
        {
            AddressFr = "Route d'Agadir", HasCanteen = true, BuildingCondition = BuildingCondition.Fair, PermanentTrainers = 3, PermanentTrainersWomen = 1,
            Classrooms = 4, Equipment = [new ProfileEquipment { Name = "Tour", Quantity = 1 }],
            Programmes = [new ProfileProgramme { Programme = new Programme { Code = "TSGE", NameFr = "G", NameAr = "ت" }, Groups = 1 }],
        };

        var unknown = new[] { ProfileSection.General, ProfileSection.HumanResources, ProfileSection.MaterialResources, ProfileSection.Programmes }
            .SelectMany(section => ProfileSnapshot.Of(profile, section).Keys.Select(key => ProfileHistoryFields.Read(section, key)))
            .Where(f => f.Kind == HistoryFieldKind.Unknown).Select(f => f.Key);

        Assert.Empty(unknown);
    }

    [Fact]
    public void ReadEquipment_OfASnapshotValue_GivesEachPiece()
    {
        var snapshot = new MaterialResourcesInput
        {
            Equipment =
            [
                new EquipmentRowInput { Name = "Tour", Quantity = 3, Condition = EquipmentCondition.Working },
                new EquipmentRowInput { Name = "Tour", Quantity = 1, Condition = EquipmentCondition.NeedsRepair },
            ],
        }.Snapshot();
        var (key, value) = snapshot.Single(f => f.Key.StartsWith(ProfileHistoryFields.EquipmentPrefix, StringComparison.Ordinal));

        Assert.Equal("Tour", ProfileHistoryFields.Read(ProfileSection.MaterialResources, key).Item);
        Assert.Equal([(3, EquipmentCondition.Working), (1, EquipmentCondition.NeedsRepair)], ProfileHistoryFields.ReadEquipment(value)!);
    }

    [Fact]
    public void ReadProgramme_OfASnapshotValue_GivesEveryFigure()
    {
        var (key, value) = ProgrammesInput.Snapshot(new EstablishmentProfile
        {
            Programmes =
            [
                new ProfileProgramme
                {
                    Programme = new Programme { Code = "TSGE", NameFr = "G", NameAr = "ت" }, Groups = 2, Capacity = 60, FirstYearTrainees = 30, FirstYearWomen = 12,
                    SecondYearTrainees = 25, SecondYearWomen = 10, GraduatesLastYear = 20, GraduatesLastYearWomen = 9,
                },
            ],
        }).Single();

        Assert.Equal((HistoryFieldKind.Programme, "TSGE"), (ProfileHistoryFields.Read(ProfileSection.Programmes, key).Kind, ProfileHistoryFields.Read(ProfileSection.Programmes, key).Item));
        Assert.Equal(new HistoryProgrammeFigures(2, 60, 30, 12, 25, 10, 20, 9), Assert.Single(ProfileHistoryFields.ReadProgramme(value)!));
    }

    [Fact]
    public void ReadNeed_OfADescriptionWhoseWordsLookLikeItsTail_KeepsTheWordsWhole()
    {
        const string words = "Ordinateurs, salle 2: (quantity 9, 1 MAD) pour l'atelier";
        var text = NeedRowInput.Describe(new Need { Category = NeedCategory.Digital, Priority = Priority.High, Description = words, Quantity = 20, EstimatedCostMad = 1200.5m });

        Assert.Equal(new HistoryNeed(NeedCategory.Digital, Priority.High, words, "20", "1200.5"), ProfileHistoryFields.ReadNeed(text));
    }

    [Fact]
    public void ReadNeed_WithoutQuantityOrCost_GivesThemEmpty()
    {
        var text = NeedRowInput.Describe(new Need { Category = NeedCategory.Equipment, Priority = Priority.Low, Description = "Tables" });

        Assert.Equal(new HistoryNeed(NeedCategory.Equipment, Priority.Low, "Tables", "", ""), ProfileHistoryFields.ReadNeed(text));
    }

    [Fact]
    public void ReadConstraint_OfADescription_GivesEachPart()
    {
        var text = ConstraintRowInput.Describe(new Constraint
        {
            Category = NeedCategory.BoardingAndTransport, Severity = Severity.Serious, Description = "Transport depuis les douars",
            EffectOnTraining = "Absences\nle lundi", ProposedSolution = "اتفاقية مع الجماعة",
        });

        Assert.Equal(
            new HistoryConstraint(NeedCategory.BoardingAndTransport, Severity.Serious, "Transport depuis les douars", "Absences\nle lundi", "اتفاقية مع الجماعة"),
            ProfileHistoryFields.ReadConstraint(text));
    }

    [Theory]
    [InlineData("Need 12", HistoryFieldKind.Need, "12")]
    [InlineData("Need (new)", HistoryFieldKind.Need, null)]
    [InlineData("Constraint 7", HistoryFieldKind.Constraint, "7")]
    public void Read_OfASheetItemKey_GivesItsKindAndNumber(string key, HistoryFieldKind kind, string? item)
    {
        var field = ProfileHistoryFields.Read(kind == HistoryFieldKind.Need ? ProfileSection.Needs : ProfileSection.Constraints, key);

        Assert.Equal((kind, item), (field.Kind, field.Item));
    }

    [Fact]
    public void ReadReturnComment_OfCommentsOnSeveralLines_GivesEachLinesSection()
    {
        var comment = ProfileHistoryFields.ReturnComment(new Dictionary<ProfileSection, string>
        {
            [ProfileSection.HumanResources] = "Les vacataires manquent.\nVoir la liste: page 2",
            [ProfileSection.MaterialResources] = "يرجى تدقيق عدد الحواسيب",
        });

        Assert.Equal(
            [(ProfileSection.HumanResources, "Les vacataires manquent."), (null, "Voir la liste: page 2"), (ProfileSection.MaterialResources, "يرجى تدقيق عدد الحواسيب")],
            ProfileHistoryFields.ReadReturnComment(comment));
    }

    [Theory]
    [InlineData("groups 2, capacity 60…")]
    [InlineData("Equipment, High: cut short…")]
    public void Read_OfAValueCutAtItsLength_GivesNothingSoTheLineShowsAsStored(string text)
    {
        Assert.Null(ProfileHistoryFields.ReadProgramme(text));
        Assert.Null(ProfileHistoryFields.ReadNeed(text));
        Assert.Null(ProfileHistoryFields.ReadEquipment(text));
        Assert.Equal(HistoryFieldKind.Unknown, ProfileHistoryFields.Read(ProfileSection.General, "NoSuchField").Kind);
    }
}
