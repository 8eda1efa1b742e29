using System.Globalization;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>
/// One line of the access matrix: an action, and what each caller gets on the main and the other resource.
/// <see cref="Expected"/> reads "anonymous | administrator | regional director | staff | other directorate's staff |
/// director | other director", each signed-in caller with two answers, main then other. An answer is a status,
/// or "login" for a redirect to the sign-in page; "+" after it means the request changes the database, and
/// without it the database must not change (for a refused post this is the point of the row).
/// </summary>
public sealed record MatrixRow(string Method, string Controller, string Action, string Url, string Expected)
{
    public string? Variant { get; init; }

    /// <summary>The ids for one cell; by default the shared fixtures, which GETs never change.</summary>
    public Func<MatrixWorld, Side, Task<MatrixIds>>? Prepare { get; init; }

    public Func<MatrixWorld, MatrixIds, Task<Dictionary<string, string>>>? Form { get; init; }

    public bool Upload { get; init; }

    /// <summary>Undoes what accepted posts left behind that other tests could trip on.</summary>
    public Func<MatrixWorld, Task>? After { get; init; }

    public string Endpoint => $"{Method} {Controller}/{Action}";

    public string Key => Variant is null ? Endpoint : $"{Endpoint} ({Variant})";

    public IEnumerable<(Caller Caller, Side Side, string Expected)> Cells()
    {
        var columns = Expected.Split('|', StringSplitOptions.TrimEntries);
        if (columns.Length != Enum.GetValues<Caller>().Length)
        {
            throw new InvalidOperationException($"{Key}: {columns.Length} columns instead of one per caller");
        }

        foreach (var caller in Enum.GetValues<Caller>())
        {
            var answers = columns[(int)caller].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var side in Enum.GetValues<Side>())
            {
                yield return (caller, side, answers.Length == 1 ? answers[0] : answers[(int)side]);
            }
        }
    }

    public static string Fill(string template, MatrixIds ids) => template
        .Replace("{establishment}", Text(ids.Establishment)).Replace("{directorate}", Text(ids.Directorate))
        .Replace("{meeting}", Text(ids.Meeting)).Replace("{slug}", ids.Slug).Replace("{item}", Text(ids.Item))
        .Replace("{intervention}", Text(ids.Intervention)).Replace("{decision}", Text(ids.Decision))
        .Replace("{attachment}", Text(ids.Attachment)).Replace("{profile}", Text(ids.Profile))
        .Replace("{campaign}", Text(ids.Campaign)).Replace("{year}", Text(ids.Year)).Replace("{province}", Text(ids.Province))
        .Replace("{programme}", Text(ids.Programme)).Replace("{user}", ids.User).Replace("{session}", ids.Session)
        .Replace("{registeritem}", Text(ids.RegisterItem)).Replace("{evidence}", Text(ids.Evidence))
        .Replace("{partner}", Text(ids.Partner)).Replace("{offer}", Text(ids.Offer)).Replace("{need}", Text(ids.Need)).Replace("{constraint}", Text(ids.Constraint));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The access matrix: every action that takes an id, tried by every caller on a resource of the main
/// directorate (ISTA Mirleft's, for establishment resources) and one of another directorate.
/// Meetings answer 404 outside the caller's directorate (their existence is not disclosed); establishments,
/// profiles and campaigns answer 403; administrator-only pages answer 403 to everyone else.
/// </summary>
public static class AccessMatrix
{
    private const string Establishment = "login | 200 200 | 200 403 | 200 403 | 403 200 | 200 403 | 403 403";
    private const string EstablishmentChange = "login | 302+ 302+ | 302+ 403 | 302+ 403 | 403 302+ | 302+ 403 | 403 403";
    private const string Meeting = "login | 200 200 | 200 404 | 200 404 | 404 200 | 404 404 | 404 404";
    private const string MeetingChange = "login | 302+ 302+ | 302+ 404 | 302+ 404 | 404 302+ | 404 404 | 404 404";
    private const string Profile = Establishment;
    private const string ProfileSectionChange = "login | 403 403 | 403 403 | 403 403 | 403 403 | 302+ 403 | 403 403";
    private const string AdministratorPage = "login | 200 200 | 403 403 | 403 403 | 403 403 | 403 403 | 403 403";
    private const string AdministratorChange = "login | 302+ 302+ | 403 403 | 403 403 | 403 403 | 403 403 | 403 403";
    private const string Everyone = "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200";
    private const string Nobody = "404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404";

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        // Establishments: read and edit within the perimeter; 403 outside it.
        Get("Establishments", "Details", "/Establishments/Details/{establishment}", Establishment),
        Get("Establishments", "Edit", "/Establishments/Edit/{establishment}", Establishment),
        new MatrixRow("POST", "Establishments", "Edit", "/Establishments/Edit/{establishment}", EstablishmentChange)
        {
            Form = (w, ids) => w.EstablishmentFormAsync(ids),
            After = async w => await w.RestoreEstablishmentsAsync(w.OriginalPhones),
        },

        // Campaigns: directorate members only (directors get 403 from the policy).
        Get("Campaigns", "Details", "/Campaigns/Details/{campaign}", "login | 200 200 | 200 403 | 200 403 | 403 200 | 403 403 | 403 403"),
        // The other directorate's establishment has no director: its reminder notifies nobody and writes nothing.
        Post("Campaigns", "Remind", "/Campaigns/Remind/{campaign}", "login | 302+ 302 | 302+ 403 | 302+ 403 | 403 302 | 403 403 | 403 403"),

        // Meetings: the directorate's staff and regional director, and administrators; 404 for everyone else.
        Get("Meetings", "Details", "/Meetings/Details/{meeting}", Meeting),
        Get("Meetings", "Edit", "/Meetings/Edit/{meeting}", Meeting),
        Get("Meetings", "Summary", "/Meetings/Summary/{meeting}", Meeting),
        Get("Meetings", "Revisions", "/Meetings/Revisions/{meeting}", Meeting),
        Get("Meetings", "Print", "/Meetings/Print/{meeting}", Meeting),
        MeetingPost("Edit", MeetingChange, (w, ids) => w.MeetingFormAsync(ids)),
        MeetingPost("AddAgendaItem", MeetingChange, "type=WelcomeSpeech", "titleFr=Point ajouté", "day=1"),
        MeetingPost("MoveAgendaItem", MeetingChange, "itemId={item}", "offset=1"),
        MeetingPost("RemoveAgendaItem", MeetingChange, "itemId={item}"),
        MeetingPost("SaveAttendance", MeetingChange, "rows[0].EstablishmentId={establishment}", "rows[0].Attendance=Present"),
        MeetingPost("AddIntervention", MeetingChange, "speakerFr=Intervenant ajouté", "speakerAr=متدخل مضاف"),
        MeetingPost("RemoveIntervention", MeetingChange, "interventionId={intervention}"),
        MeetingPost("AddDecision", MeetingChange, "textFr=Décision ajoutée", "textAr=قرار مضاف", "ownerKind=Directorate"),
        MeetingPost("AddDecisionNote", MeetingChange, "decisionId={decision}", "text=Avancement", "status=InProgress"),
        MeetingPost("AddAttachment", MeetingChange) with { Upload = true },
        MeetingPost("RemoveAttachment", MeetingChange, "attachmentId={attachment}"),
        // Administrators manage a meeting but do not write its minutes: the form comes back with a message (422).
        MeetingPost("Summary", "login | 422 422 | 302+ 404 | 302+ 404 | 404 302+ | 404 404 | 404 404", (w, ids) => w.SummaryFormAsync(ids)),
        MeetingPost("Transition", "login | 302 302 | 302+ 404 | 302+ 404 | 404 302+ | 404 404 | 404 404", "action=SendToReview") with { Variant = "send a draft to review" },
        MeetingPost("Transition", "login | 302 302 | 302+ 404 | 302 404 | 404 302 | 404 404 | 404 404", "action=Approve") with
        {
            Variant = "approve, regional director only",
            Prepare = (w, side) => w.FreshMeetingAsync(side, SummaryStatus.InReview),
        },

        // Identity sheets: read within the perimeter (403 outside); only the establishment's director writes.
        Get("Profiles", "General", "/Profiles/{profile}/General", Profile),
        Get("Profiles", "HumanResources", "/Profiles/{profile}/HumanResources", Profile),
        Get("Profiles", "MaterialResources", "/Profiles/{profile}/MaterialResources", Profile),
        Get("Profiles", "Programmes", "/Profiles/{profile}/Programmes", Profile),
        Get("Profiles", "Needs", "/Profiles/{profile}/Needs", Profile),
        Get("Profiles", "Constraints", "/Profiles/{profile}/Constraints", Profile),
        Get("Profiles", "Review", "/Profiles/{profile}/Review", Profile),
        Get("Profiles", "History", "/Profiles/{profile}/History", Profile),
        Get("Profiles", "Print", "/Profiles/{profile}/Print", Profile),
        // The sheet's workbook: read within the perimeter; only the establishment's director imports (a file that is not a workbook: 422).
        Get("ProfileSheets", "Template", "/Profiles/{profile}/Sheet/Template", Profile),
        Get("ProfileSheets", "Import", "/Profiles/{profile}/Sheet/Import", Profile),
        Post("ProfileSheets", "Import", "/Profiles/{profile}/Sheet/Import", "login | 403 403 | 403 403 | 403 403 | 403 403 | 422 403 | 403 403") with
        {
            Upload = true,
            Prepare = (w, side) => w.ProfileInAsync(side, ProfileStatus.Draft),
        },
        Post("ProfileSheets", "Confirm", "/Profiles/{profile}/Sheet/Confirm", "login | 403 403 | 403 403 | 403 403 | 403 403 | 302 403 | 403 403", "importId=6f1c2a52-0d5e-4a51-9a0b-3c1b6a9e2f10") with
        {
            Prepare = (w, side) => w.ProfileInAsync(side, ProfileStatus.Draft),
        },
        SectionPost(ProfileSection.General, "AddressFr=Adresse de la matrice"),
        SectionPost(ProfileSection.HumanResources, "PermanentTrainers=3"),
        SectionPost(ProfileSection.MaterialResources, "Classrooms=4"),
        SectionPost(ProfileSection.Programmes),
        SectionPost(ProfileSection.Needs),
        SectionPost(ProfileSection.Constraints),
        // The director reaches the workflow; an empty sheet cannot be submitted (422 with the list of what is missing).
        ProfilePost("Submit", ProfileStatus.Draft, "login | 403 403 | 403 403 | 403 403 | 403 403 | 422 403 | 403 403"),
        ProfilePost("Return", ProfileStatus.Submitted, "login | 403 403 | 302+ 403 | 302+ 403 | 403 302+ | 403 403 | 403 403", "comments[General]=Adresse incomplète"),
        ProfilePost("Approve", ProfileStatus.Submitted, "login | 403 403 | 302+ 403 | 403 403 | 403 403 | 403 403 | 403 403"),
        ProfilePost("Reopen", ProfileStatus.Approved, "login | 403 403 | 302+ 403 | 403 403 | 403 403 | 403 403 | 403 403", "reason=Chiffres à corriger"),
        // The other directorate's establishment has no director, so nobody may start its sheet.
        Post("Profiles", "Start", "/Profiles/Start", "login | 403 403 | 403 403 | 403 403 | 403 403 | 302+ 403 | 403 403", "establishmentId={establishment}", "trainingYearId={year}") with
        {
            Prepare = (w, side) => w.NoProfileYetAsync(side),
            After = async w => await w.NoProfileYetAsync(Side.Main),
        },

        // The register: an item answers like its establishment (403 outside the perimeter, a director his own only);
        // the directorate answers items, the establishment's director confirms or reopens them, both comment.
        Get("Register", "Item", "/Register/Constraint/{registeritem}", Establishment) with { Prepare = (w, side) => w.FreshItemAsync(side, FollowUpStatus.Raised) },
        ItemPost("comment", FollowUpStatus.Raised, EstablishmentChange, "Action=Comment", "Text=Commentaire de la matrice"),
        ItemPost("acknowledge", FollowUpStatus.Raised, "login | 302+ 302+ | 302+ 403 | 302+ 403 | 403 302+ | 403 403 | 403 403", "Action=Acknowledge"),
        ItemPost("confirm", FollowUpStatus.Resolved, "login | 403 403 | 403 403 | 403 403 | 403 403 | 302+ 403 | 403 403", "Action=Confirm"),
        // A resolution's photo answers like its item, but 404 rather than 403: nobody learns that another establishment's proof exists.
        Get("Register", "Evidence", "/Register/Constraint/{registeritem}/evidence/{evidence}", "login | 200 200 | 200 404 | 200 404 | 404 200 | 200 404 | 404 404") with
        {
            Prepare = (w, side) => w.FreshEvidenceAsync(side),
        },
        Get("Register", "Overview", "/Register/Overview", "login | 200 200 | 200 200 | 200 200 | 200 200 | 403 403 | 403 403"),

        // The cooperation board: the directorate's members (directors get 403 from the policy); another directorate's
        // partner, offer or need answers 404. Each cell gets a partner, an offer and a need of its own.
        CooperationMatrix.Get("Partners", "Details", "/Partners/Details/{partner}"),
        CooperationMatrix.Get("Partners", "Edit", "/Partners/Edit/{partner}"),
        CooperationMatrix.Post("Partners", "Edit", "/Partners/Edit/{partner}") with { Form = CooperationMatrix.PartnerFormAsync },
        CooperationMatrix.Get("Offers", "Create", "/Partners/{partner}/Offers/Create"),
        CooperationMatrix.Post("Offers", "Create", "/Partners/{partner}/Offers/Create", "Kind=Funding", "Description=Offre ajoutée", "Status=Open"),
        CooperationMatrix.Get("Offers", "Edit", "/Offers/Edit/{offer}"),
        CooperationMatrix.Post("Offers", "Edit", "/Offers/Edit/{offer}") with { Form = CooperationMatrix.OfferFormAsync },
        CooperationMatrix.Get("Offers", "Suggestions", "/Offers/Suggestions/{offer}"),
        CooperationMatrix.Get("Offers", "ForItem", "/Cooperation/Need/{need}") with { Variant = "need" },
        CooperationMatrix.Get("Offers", "ForItem", "/Cooperation/Constraint/{constraint}") with { Variant = "constraint" },
        CooperationMatrix.Post("Offers", "Link", "/Offers/Link/{offer}", "type=Need", "itemId={need}") with { Variant = "need" },
        CooperationMatrix.Post("Offers", "Link", "/Offers/Link/{offer}", "type=Constraint", "itemId={constraint}") with { Variant = "constraint" },
        CooperationMatrix.Post("Offers", "Unlink", "/Offers/Unlink/{offer}", "type=Need", "itemId={need}") with { Variant = "need", Prepare = (w, side) => CooperationMatrix.FreshAsync(w, side, linked: true) },
        CooperationMatrix.Post("Offers", "Unlink", "/Offers/Unlink/{offer}", "type=Constraint", "itemId={constraint}") with { Variant = "constraint", Prepare = (w, side) => CooperationMatrix.FreshAsync(w, side, linked: true) },
        // Escalation to the national office: the directorate's staff, regional director and administrators; never a director.
        ItemPost("escalate", FollowUpStatus.Acknowledged, "login | 302+ 302+ | 302+ 403 | 302+ 403 | 403 302+ | 403 403 | 403 403", "Action=Escalate", "Text=Au-delà des moyens de la direction"),

        // Reference data and accounts: administrators only. Provinces and programmes are re-saved unchanged.
        Get("Provinces", "Edit", "/Provinces/Edit/{province}", AdministratorPage),
        Post("Provinces", "Edit", "/Provinces/Edit/{province}", "login | 302 302 | 403 403 | 403 403 | 403 403 | 403 403 | 403 403") with { Form = (w, ids) => w.ProvinceFormAsync(ids) },
        Get("Programmes", "Edit", "/Programmes/Edit/{programme}", AdministratorPage),
        Post("Programmes", "Edit", "/Programmes/Edit/{programme}", "login | 302 302 | 403 403 | 403 403 | 403 403 | 403 403 | 403 403") with { Form = (w, ids) => w.ProgrammeFormAsync(ids) },
        // Imports of reference data: administrators only; a dry run unknown to the portal is answered by a redirect and saves nothing.
        Post("ReferenceImports", "Confirm", "/ReferenceData/Programmes/Import/Confirm", "login | 302 302 | 403 403 | 403 403 | 403 403 | 403 403 | 403 403", "importId=6f1c2a52-0d5e-4a51-9a0b-3c1b6a9e2f10"),
        Get("Users", "Edit", "/Users/Edit/{user}", AdministratorPage),
        Post("Users", "Edit", "/Users/Edit/{user}", AdministratorChange) with { Form = (w, ids) => w.UserFormAsync(ids), Prepare = (w, side) => w.FreshUserAsync(side) },
        Post("Users", "SetDisabled", "/Users/SetDisabled/{user}", AdministratorChange, "disabled=true") with { Prepare = (w, side) => w.FreshUserAsync(side) },

        Post("Users", "ResetTwoFactor", "/Users/ResetTwoFactor/{user}", AdministratorChange) with { Prepare = (w, side) => w.FreshUserAsync(side) },

        // Sessions: only their owner ends them; anyone else's session id answers 404, administrators included.
        Post("Sessions", "End", "/Sessions/End/{session}", "login | 404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404") with { Prepare = (w, side) => w.FreshSessionAsync(side) },

        // Public pages: an attachment is public once its meeting's summary is published, before that staff only.
        Get("Attachments", "Get", "/attachments/{attachment}", "404 | 200 200 | 200 404 | 200 404 | 404 200 | 404 404 | 404 404") with { Variant = "unpublished meeting" },
        Get("Attachments", "Get", "/attachments/{attachment}", Everyone) with
        {
            Variant = "published meeting",
            Prepare = (w, side) => w.FreshMeetingAsync(side, SummaryStatus.Published),
        },
        Get("PublicMeetings", "Show", "/archive/{slug}", Nobody) with { Variant = "unpublished meeting" },
        Get("PublicMeetings", "Show", "/archive/{slug}", Everyone) with
        {
            Variant = "published meeting",
            Prepare = (w, side) => w.FreshMeetingAsync(side, SummaryStatus.Published),
        },
        // The reset form opens for anyone with a link; the token in it, not the user id, is what is checked on post.
        Get("Account", "ResetPassword", "/Account/ResetPassword?userId={user}&code=matrix", Everyone),
    ];

    private static MatrixRow Get(string controller, string action, string url, string expected) => new("GET", controller, action, url, expected);

    private static MatrixRow Post(string controller, string action, string url, string expected, params string[] fields) =>
        new("POST", controller, action, url, expected) { Form = fields.Length == 0 ? null : (_, ids) => Task.FromResult(Fields(fields, ids)) };

    /// <summary>Each cell gets a meeting of its own: what one caller changed must not decide the next caller's answer.</summary>
    private static MatrixRow MeetingPost(string action, string expected, params string[] fields) =>
        Post("Meetings", action, $"/Meetings/{action}/{{meeting}}", expected, fields) with { Prepare = (w, side) => w.FreshMeetingAsync(side) };

    private static MatrixRow MeetingPost(string action, string expected, Func<MatrixWorld, MatrixIds, Task<Dictionary<string, string>>> form) =>
        MeetingPost(action, expected) with { Form = form };

    /// <summary>A step on a fresh item of each side, so that one caller's step does not decide the next caller's answer.</summary>
    private static MatrixRow ItemPost(string variant, FollowUpStatus status, string expected, params string[] fields) =>
        Post("Register", "Act", "/Register/Constraint/{registeritem}", expected, fields) with
        {
            Variant = variant,
            Prepare = (w, side) => w.FreshItemAsync(side, status),
        };

    private static MatrixRow SectionPost(ProfileSection section, params string[] fields) =>
        Post("Profiles", section.ToString(), $"/Profiles/{{profile}}/{section}", ProfileSectionChange) with
        {
            Prepare = (w, side) => w.ProfileInAsync(side, ProfileStatus.Draft),
            Form = (w, ids) => w.SectionFormAsync(ids, section, Fields(fields, ids)),
        };

    private static MatrixRow ProfilePost(string action, ProfileStatus from, string expected, params string[] fields) =>
        Post("Profiles", action, $"/Profiles/{{profile}}/{action}", expected, fields) with
        {
            Prepare = (w, side) => w.ProfileInAsync(side, from),
            After = w => w.ResetProfilesAsync(),
        };

    private static Dictionary<string, string> Fields(string[] pairs, MatrixIds ids) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => MatrixRow.Fill(p[1], ids));
}
