namespace RegionalTraining.Core.Common;

/// <summary>Messages of the import of establishments and of the programme catalogue from a file.</summary>
public static partial class Messages
{
    // Refusals of a whole file, before any row is read as values.
    public const string ReferenceNoFile = "Choose the file (.xlsx or .csv) to import.";
    public const string ReferenceTooLarge = "The file is larger than {0} MB. Split it and import each part.";
    public const string ReferenceUnpackedTooBig = "This workbook is too large once unpacked. Import the template with its own rows only.";
    public const string ReferenceNotUtf8 = "This CSV file is not in UTF-8. Save it as \"CSV UTF-8\" and import it again.";
    public const string ReferenceUnknownColumn = "The file's first row is not the template's: the column \"{0}\" is not known. Download the template and keep its first row.";
    public const string ReferenceMissingColumns = "The file lacks the columns {0}. Download the template and keep its first row.";
    public const string ReferenceBadCsv = "This CSV file cannot be read: a quotation mark is not closed. Save it again as \"CSV UTF-8\" and import it again.";
    public const string ReferenceTooManyRows = "The file has more than {0} rows. Split it and import each part.";
    public const string ReferenceEmptyFile = "The file has no rows to import.";

    // Rows.
    public const string ReferenceDuplicateCode = "The code {0} is on more than one row of the file.";
    public const string ReferenceOutsideScope = "This establishment belongs to a directorate outside your perimeter.";

    // The dry run and its confirmation.
    public const string ReferenceImported = "The file was imported.";
    public const string ReferenceNothingToImport = "The file holds the values already saved: nothing changes.";
    public const string ReferenceFixRowsFirst = "Correct the refused rows in the file, then import it again. Nothing was saved.";
    public const string ReferenceImportExpired = "This import is no longer available (it expired or was already confirmed). Import the file again.";
    public const string ReferenceImportStopped = "Row {0} changed since the dry run or could not be saved: nothing was imported. Import the file again.";

    // The template's instructions tab, in French and Arabic side by side.
    public const string ReferenceInstructionsEstablishments = "One row per establishment, found by its code: a new code adds an establishment, a known code updates it. An establishment missing from the file stays as it is (deactivate it from its page).";
    public const string ReferenceInstructionsProgrammes = "One row per programme, found by its code: a new code adds a programme, a known code updates it. A programme missing from the file stays as it is.";
    public const string ReferenceInstructionsValues = "Type values only (no formulas). Give provinces, complexes and sectors by their code, types and levels as written in the lists below.";
    public const string ReferenceInstructionsCsv = "A CSV file is accepted too: UTF-8, comma or semicolon between values, the same first row.";
    public const string ReferenceInstructionsImport = "Then import the file: every new, changed, unchanged and refused row is shown before you confirm.";
}
