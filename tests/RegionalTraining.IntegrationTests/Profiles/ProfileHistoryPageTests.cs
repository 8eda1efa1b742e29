using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.Sections;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Profiles;

/// <summary>
/// A sheet's history in the reader's language: the lines are stored as invariant text with the inputs' field names
/// (so they never change with the reader), and the page shows the inputs' own labels and choices in Arabic or French.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ProfileHistoryPageTests(RegionalTrainingFactory factory)
{
    private const string Director = "director.mirleft@demo.local";

    public static TheoryData<string, string[]> Expected => new()
    {
        {
            "ar-MA",
            [
                "المكوِّنون الدائمون · منهم إناث", "المطعم", "نعم", "جيدة", "التجهيز", "2 (يحتاج إلى إصلاح)", "الشعبة", "الأفواج: 2",
                "حاجة", "سطر جديد", "مرتفعة", "الكلفة التقديرية (درهم): 1200.50", "إكراه", "خطيرة", "الحل المقترح: اتفاقية مع الجماعة", "الموارد المادية: يرجى تدقيق عدد الحواسيب",
            ]
        },
        {
            "fr-MA",
            [
                "Formateurs permanents · dont femmes", "Cantine", "Oui", "Bon", "Équipement", "2 (À réparer)", "Filière", "Groupes\u00A0: 2",
                "Besoin", "nouvelle ligne", "Élevée", "Coût estimé (MAD)\u00A0: 1200.50", "Contrainte", "Grave", "Solution proposée\u00A0: اتفاقية مع الجماعة", "Ressources matérielles\u00A0: يرجى تدقيق عدد الحواسيب",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task History_InEachLanguage_ShowsTheInputsLabelsAndChoicesRatherThanStoredNames(string culture, string[] expected)
    {
        await using var sheet = await ProfileWithEveryKindOfLineAsync();
        var director = await factory.SignedInClientAsync(Director, culture);

        var html = await director.GetStringAsync($"/Profiles/{sheet.Id}/History");

        // French punctuation has a no-break space before it, which the page writes as a character reference.
        var text = System.Net.WebUtility.HtmlDecode(html);
        foreach (var shown in expected)
        {
            Assert.Contains(shown, text, StringComparison.Ordinal);
        }

        // The stored names and English words of the descriptions stay in the database.
        foreach (var stored in new[] { "PermanentTrainersWomen", "HasCanteen", "NeedsRepair", "groups 2", "(quantity 20", "/ effect:", "(new)", ">True<", "MaterialResources:" })
        {
            Assert.DoesNotContain(stored, html, StringComparison.Ordinal);
        }

        // The establishment's own words are shown as typed, and a programme's code is isolated from the label.
        Assert.Contains("Ordinateurs, salle 2: (quantity 9, 1 MAD)", html, StringComparison.Ordinal);
        Assert.Contains("<bdi>TSGE</bdi>", html, StringComparison.Ordinal);
    }

    /// <summary>A sheet of the director's establishment for a year no other test uses, with one line of each kind, written by the portal's own writers.</summary>
    private Task<ProfileFixtures.FreshProfile> ProfileWithEveryKindOfLineAsync() => ProfileFixtures.FreshProfileAsync(factory, "ISTA-FEB-MIRLEFT", (db, profile) =>
    {
        var programmes = ProgrammesInput.Snapshot(new EstablishmentProfile
        {
            Programmes = [new ProfileProgramme { Programme = new Programme { Code = "TSGE", NameFr = "G", NameAr = "ت" }, Groups = 2, Capacity = 60, FirstYearTrainees = 30, FirstYearWomen = 12 }],
        });
        var equipment = new MaterialResourcesInput { Equipment = [new EquipmentRowInput { Name = "Tour", Quantity = 2, Condition = EquipmentCondition.NeedsRepair }] }.Snapshot();
        var need = NeedRowInput.Describe(new Need { Category = NeedCategory.Equipment, Priority = Priority.High, Description = "Ordinateurs, salle 2: (quantity 9, 1 MAD)", Quantity = 20, EstimatedCostMad = 1200.50m });
        var constraint = ConstraintRowInput.Describe(new Constraint { Category = NeedCategory.BoardingAndTransport, Severity = Severity.Serious, Description = "Transport depuis les douars", ProposedSolution = "اتفاقية مع الجماعة" });
        ProfileEvent Saved(ProfileSection section, params (string Field, string? Old, string? New)[] changes) => new()
        {
            ProfileId = profile.Id, Kind = ProfileEventKind.SectionSaved, Section = section, AtUtc = DateTime.UtcNow, UserName = Director,
            Changes = changes.Select(c => new ProfileChange { Field = c.Field, OldValue = c.Old, NewValue = c.New }).ToList(),
        };

        db.ProfileEvents.AddRange(
            Saved(ProfileSection.HumanResources, ("PermanentTrainersWomen", null, "4")),
            Saved(ProfileSection.General, ("HasCanteen", null, "True"), ("BuildingCondition", null, "Good")),
            Saved(ProfileSection.MaterialResources, equipment.Where(f => f.Key.StartsWith("Equipment", StringComparison.Ordinal)).Select(f => (f.Key, (string?)null, f.Value)).ToArray()),
            Saved(ProfileSection.Programmes, programmes.Select(f => (f.Key, (string?)null, f.Value)).ToArray()),
            Saved(ProfileSection.Needs, ("Need (new)", null, need)),
            Saved(ProfileSection.Constraints, ("Constraint 7", constraint, null)),
            new ProfileEvent
            {
                ProfileId = profile.Id, Kind = ProfileEventKind.Returned, AtUtc = DateTime.UtcNow, UserName = "staff@demo.local",
                Comment = ProfileHistoryFields.ReturnComment([new(ProfileSection.MaterialResources, "يرجى تدقيق عدد الحواسيب")]),
            });
        return Task.CompletedTask;
    });
}
