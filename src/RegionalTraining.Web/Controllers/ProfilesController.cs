using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Profiles;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The identity sheet: one page per section, a review page with the workflow, history and print. Every action
/// reads the profile's owner first and checks it against the signed-in user's perimeter.
/// </summary>
[Route("Profiles")]
public sealed partial class ProfilesController(
    IProfileService profiles,
    INeedsAndConstraintsService needsAndConstraints,
    IReferenceDataService reference,
    IEstablishmentDirectory directory,
    IAccessScopeProvider scopes,
    IAuthorizationService authorization,
    AppDbContext db,
    RegionalTraining.Core.Common.LocalCalendar calendar,
    IStringLocalizer<SharedResource> t) : Controller
{
    public const string SectionConflict = "Someone else saved this section after you opened it. Your values were not saved and are still below. Check them against the history, then save again.";
    public const string SectionLocked = "This profile can no longer be changed: it is submitted or approved.";
    public const string SectionSaved = "The section was saved.";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var rows = new List<ProfileIndexRow>();
        if (scope.IsEstablishmentDirector && scope.EstablishmentIds.Count > 0)
        {
            var ids = scope.EstablishmentIds.ToList();
            var establishments = await db.Establishments.AsNoTracking().Where(e => ids.Contains(e.Id))
                .Select(e => new { e.Id, e.NameFr, e.NameAr, e.Province!.Region!.DirectorateId }).ToListAsync(cancellationToken);
            var directorates = establishments.Select(e => e.DirectorateId).Distinct().ToList();
            var campaigns = await db.Campaigns.AsNoTracking().Where(c => directorates.Contains(c.DirectorateId))
                .OrderByDescending(c => c.TrainingYear!.StartYear)
                .Select(c => new { c.DirectorateId, c.TrainingYearId, c.TrainingYear!.StartYear, c.OpensOn, c.Deadline }).ToListAsync(cancellationToken);
            var existing = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.EstablishmentId))
                .Select(p => new { p.Id, p.EstablishmentId, p.TrainingYearId, p.Status }).ToListAsync(cancellationToken);
            var today = calendar.Today;
            foreach (var c in campaigns)
            {
                foreach (var e in establishments.Where(e => e.DirectorateId == c.DirectorateId))
                {
                    var profile = existing.SingleOrDefault(p => p.EstablishmentId == e.Id && p.TrainingYearId == c.TrainingYearId);
                    rows.Add(new ProfileIndexRow(e.Id, e.NameFr, e.NameAr, c.TrainingYearId, TrainingYear.FormatLabel(c.StartYear),
                        c.OpensOn, c.Deadline, today >= c.OpensOn, profile?.Id, profile?.Status));
                }
            }
        }

        var queue = new List<ReviewQueueItem>();
        if (scope.Has(Capability.DirectorateWork))
        {
            var listed = scope.ListedDirectorateId;
            queue = await db.Profiles.AsNoTracking()
                .Where(p => p.Status == ProfileStatus.Submitted
                    && (listed == null || p.Establishment!.Province!.Region!.DirectorateId == listed))
                .OrderBy(p => p.SubmittedAtUtc)
                .Select(p => new ReviewQueueItem(p.Id, p.Establishment!.NameFr, p.Establishment.NameAr, p.TrainingYear!.Code, p.SubmittedAtUtc, p.SubmittedLate))
                .ToListAsync(cancellationToken);
        }

        return View(new ProfileIndexViewModel(rows, scope.IsEstablishmentDirector, scope.Has(Capability.DirectorateWork), queue));
    }

    [HttpPost("Start")]
    public async Task<IActionResult> Start(int establishmentId, int trainingYearId, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var owner = await directory.GetRefAsync(establishmentId, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        if (!ProfileWorkflow.MayAct(scope, ProfileAction.Edit, owner.Value))
        {
            return Forbid();
        }

        var result = await profiles.StartAsync(scope, establishmentId, trainingYearId, cancellationToken);
        if (result.ProfileId is null)
        {
            TempData["Error"] = result.ErrorKey;
            return RedirectToAction(nameof(Index));
        }

        return RedirectToAction(nameof(General), new { id = result.ProfileId });
    }

    [HttpGet("{id:int}/General")]
    public Task<IActionResult> General(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, ProfileSection.General, p => new GeneralForm
        {
            AddressFr = p.AddressFr, AddressAr = p.AddressAr, Phone = p.Phone, Email = p.Email, OpeningYear = p.OpeningYear,
            SiteAreaSquareMetres = p.SiteAreaSquareMetres, HasCanteen = p.HasCanteen, BuildingCondition = p.BuildingCondition,
        }, cancellationToken);

    [HttpPost("{id:int}/General")]
    public Task<IActionResult> General(int id, GeneralForm form, CancellationToken cancellationToken) =>
        SaveAsync(id, ProfileSection.General, form, (scope, c) => profiles.SaveSectionAsync(scope, id, ProfileSection.General, form.Version, form.WarningComment, p =>
        {
            p.AddressFr = form.AddressFr?.Trim();
            p.AddressAr = form.AddressAr?.Trim();
            p.Phone = form.Phone?.Trim();
            p.Email = form.Email?.Trim();
            p.OpeningYear = form.OpeningYear;
            p.SiteAreaSquareMetres = form.SiteAreaSquareMetres;
            p.HasCanteen = form.HasCanteen;
            p.BuildingCondition = form.BuildingCondition;
            return NoExtraChanges;
        }, c), cancellationToken);

    [HttpGet("{id:int}/HumanResources")]
    public Task<IActionResult> HumanResources(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, ProfileSection.HumanResources, p => new HumanResourcesForm
        {
            PermanentTrainers = p.PermanentTrainers, PermanentTrainersWomen = p.PermanentTrainersWomen,
            ContractTrainers = p.ContractTrainers, ContractTrainersWomen = p.ContractTrainersWomen,
            PartTimeTrainers = p.PartTimeTrainers, PartTimeTrainersWomen = p.PartTimeTrainersWomen,
            AdministrativeStaff = p.AdministrativeStaff, AdministrativeStaffWomen = p.AdministrativeStaffWomen,
            SupportStaff = p.SupportStaff, SupportStaffWomen = p.SupportStaffWomen,
            VacantTrainerPosts = p.VacantTrainerPosts, VacantOtherPosts = p.VacantOtherPosts,
        }, cancellationToken);

    [HttpPost("{id:int}/HumanResources")]
    public Task<IActionResult> HumanResources(int id, HumanResourcesForm form, CancellationToken cancellationToken) =>
        SaveAsync(id, ProfileSection.HumanResources, form, (scope, c) => profiles.SaveSectionAsync(scope, id, ProfileSection.HumanResources, form.Version, form.WarningComment, p =>
        {
            p.PermanentTrainers = form.PermanentTrainers;
            p.PermanentTrainersWomen = form.PermanentTrainersWomen;
            p.ContractTrainers = form.ContractTrainers;
            p.ContractTrainersWomen = form.ContractTrainersWomen;
            p.PartTimeTrainers = form.PartTimeTrainers;
            p.PartTimeTrainersWomen = form.PartTimeTrainersWomen;
            p.AdministrativeStaff = form.AdministrativeStaff;
            p.AdministrativeStaffWomen = form.AdministrativeStaffWomen;
            p.SupportStaff = form.SupportStaff;
            p.SupportStaffWomen = form.SupportStaffWomen;
            p.VacantTrainerPosts = form.VacantTrainerPosts;
            p.VacantOtherPosts = form.VacantOtherPosts;
            return NoExtraChanges;
        }, c), cancellationToken);

    [HttpGet("{id:int}/MaterialResources")]
    public Task<IActionResult> MaterialResources(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, ProfileSection.MaterialResources, p => new MaterialResourcesForm
        {
            Classrooms = p.Classrooms, Workshops = p.Workshops, Laboratories = p.Laboratories, ComputerRooms = p.ComputerRooms,
            Computers = p.Computers, BoardingPlaces = p.BoardingPlaces,
            Equipment = p.Equipment.Select(e => new EquipmentRow { Name = e.Name, Quantity = e.Quantity, Condition = e.Condition }).ToList(),
        }, cancellationToken);

    [HttpPost("{id:int}/MaterialResources")]
    public Task<IActionResult> MaterialResources(int id, MaterialResourcesForm form, CancellationToken cancellationToken) =>
        SaveAsync(id, ProfileSection.MaterialResources, form, (scope, c) => profiles.SaveSectionAsync(scope, id, ProfileSection.MaterialResources, form.Version, form.WarningComment, p =>
        {
            p.Classrooms = form.Classrooms;
            p.Workshops = form.Workshops;
            p.Laboratories = form.Laboratories;
            p.ComputerRooms = form.ComputerRooms;
            p.Computers = form.Computers;
            p.BoardingPlaces = form.BoardingPlaces;
            p.Equipment.Clear();
            p.Equipment.AddRange(form.Equipment.Where(r => !r.Remove && !r.IsBlank).Select(r => new ProfileEquipment
            {
                Name = r.Name!.Trim(), Quantity = r.Quantity ?? 0, Condition = r.Condition ?? EquipmentCondition.Working,
            }));
            return NoExtraChanges;
        }, c), cancellationToken);

    [HttpGet("{id:int}/Programmes")]
    public Task<IActionResult> Programmes(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, ProfileSection.Programmes, p => new ProgrammesForm
        {
            Programmes = p.Programmes.Select(r => new ProgrammeRow
            {
                ProgrammeId = r.ProgrammeId, Groups = r.Groups, Capacity = r.Capacity,
                FirstYearTrainees = r.FirstYearTrainees, FirstYearWomen = r.FirstYearWomen,
                SecondYearTrainees = r.SecondYearTrainees, SecondYearWomen = r.SecondYearWomen,
                GraduatesLastYear = r.GraduatesLastYear, GraduatesLastYearWomen = r.GraduatesLastYearWomen,
            }).ToList(),
        }, cancellationToken);

    [HttpPost("{id:int}/Programmes")]
    public async Task<IActionResult> Programmes(int id, ProgrammesForm form, CancellationToken cancellationToken)
    {
        var chosen = form.Programmes.Where(r => r.ProgrammeId is not null).Select(r => r.ProgrammeId!.Value).Distinct().ToList();
        // Tracked here so the saved rows carry their programme (and the history its code).
        var catalogue = await db.Programmes.Where(p => chosen.Contains(p.Id) && p.IsActive).ToDictionaryAsync(p => p.Id, cancellationToken);
        for (var i = 0; i < form.Programmes.Count; i++)
        {
            if (form.Programmes[i].ProgrammeId is { } programmeId && !form.Programmes[i].Remove && !catalogue.ContainsKey(programmeId))
            {
                ModelState.AddModelError($"Programmes[{i}].ProgrammeId", t["Choose a programme from the list."]);
            }
        }

        return await SaveAsync(id, ProfileSection.Programmes, form, (scope, c) => profiles.SaveSectionAsync(scope, id, ProfileSection.Programmes, form.Version, form.WarningComment, p =>
        {
            var kept = form.Programmes.Where(r => r.ProgrammeId is not null && !r.Remove).ToList();
            // Rows are updated in place and new ones appended, so row numbers stay those of the form.
            var existing = p.Programmes.ToList();
            for (var i = existing.Count - 1; i >= kept.Count; i--)
            {
                p.Programmes.Remove(existing[i]);
            }

            for (var i = 0; i < kept.Count; i++)
            {
                var row = i < existing.Count ? existing[i] : new ProfileProgramme();
                var input = kept[i];
                row.ProgrammeId = input.ProgrammeId!.Value;
                row.Programme = catalogue[row.ProgrammeId];
                row.Groups = input.Groups;
                row.Capacity = input.Capacity;
                row.FirstYearTrainees = input.FirstYearTrainees;
                row.FirstYearWomen = input.FirstYearWomen;
                row.SecondYearTrainees = input.SecondYearTrainees;
                row.SecondYearWomen = input.SecondYearWomen;
                row.GraduatesLastYear = input.GraduatesLastYear;
                row.GraduatesLastYearWomen = input.GraduatesLastYearWomen;
                if (i >= existing.Count)
                {
                    p.Programmes.Add(row);
                }
            }

            return NoExtraChanges;
        }, c), cancellationToken);
    }

    [HttpGet("{id:int}/Needs")]
    public async Task<IActionResult> Needs(int id, CancellationToken cancellationToken)
    {
        var needs = await needsAndConstraints.NeedsOfProfileAsync(id, cancellationToken);
        return await ShowAsync(id, ProfileSection.Needs, _ => new NeedsForm
        {
            Needs = needs.Select(n => new NeedRow
            {
                Id = n.Id, Category = n.Category, Description = n.Description, Quantity = n.Quantity,
                EstimatedCostMad = n.EstimatedCostMad, Priority = n.Priority,
            }).ToList(),
        }, cancellationToken);
    }

    [HttpPost("{id:int}/Needs")]
    public Task<IActionResult> Needs(int id, NeedsForm form, CancellationToken cancellationToken) =>
        SaveAsync(id, ProfileSection.Needs, form, (scope, c) => needsAndConstraints.SaveProfileNeedsAsync(scope, id, form.Version,
            form.Needs.Where(r => !r.Remove && !string.IsNullOrWhiteSpace(r.Description))
                .Select(r => new NeedInput(r.Id, r.Category, r.Description!, r.Quantity, r.EstimatedCostMad, r.Priority)).ToList(),
            form.WarningComment, c), cancellationToken);

    [HttpGet("{id:int}/Constraints")]
    public async Task<IActionResult> Constraints(int id, CancellationToken cancellationToken)
    {
        var constraints = await needsAndConstraints.ConstraintsOfProfileAsync(id, cancellationToken);
        return await ShowAsync(id, ProfileSection.Constraints, _ => new ConstraintsForm
        {
            Constraints = constraints.Select(x => new ConstraintRow
            {
                Id = x.Id, Category = x.Category, Description = x.Description, Severity = x.Severity,
                EffectOnTraining = x.EffectOnTraining, ProposedSolution = x.ProposedSolution,
            }).ToList(),
        }, cancellationToken);
    }

    [HttpPost("{id:int}/Constraints")]
    public Task<IActionResult> Constraints(int id, ConstraintsForm form, CancellationToken cancellationToken) =>
        SaveAsync(id, ProfileSection.Constraints, form, (scope, c) => needsAndConstraints.SaveProfileConstraintsAsync(scope, id, form.Version,
            form.Constraints.Where(r => !r.Remove && !string.IsNullOrWhiteSpace(r.Description))
                .Select(r => new ConstraintInput(r.Id, r.Category, r.Description!, r.Severity, r.EffectOnTraining, r.ProposedSolution)).ToList(),
            form.WarningComment, c), cancellationToken);

    private static Task<IReadOnlyList<ProfileChange>> NoExtraChanges => Task.FromResult<IReadOnlyList<ProfileChange>>([]);
}
