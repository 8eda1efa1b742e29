namespace RegionalTraining.Core.Common;

/// <summary>Messages of the yearly sheet's workbook: its instructions, the refusals of a file and the dry run.</summary>
public static partial class Messages
{
    // Refusals of a whole file, before anything in it is read as a value.
    public const string SheetNoFile = "Choose the workbook (.xlsx) to import.";
    public const string SheetTooLarge = "The file is larger than {0} MB: it cannot be the sheet's workbook.";
    public const string SheetNotWorkbook = "This file is not an Excel workbook (.xlsx) or it is damaged. Download the template and fill it in.";
    public const string SheetMacros = "This workbook contains macros. Save it as an ordinary workbook (.xlsx) without macros and import it again.";
    public const string SheetTooBig = "This workbook is too large once unpacked. Import the sheet's template with its own rows only.";
    public const string SheetMissingTabs = "This workbook is not the sheet's template: the tabs {0} are missing. Download the template and fill it in.";
    public const string SheetWrongShape = "This workbook is not the sheet's template: cell {0} should read \"{1}\". Do not insert or move rows; download the template again if needed.";
    public const string SheetFormulas = "The workbook contains formulas (first in {0}). Type the values themselves, or paste them as values, then import again.";
    public const string SheetTooManyRows = "The tab {0} has more than {1} rows: it cannot be a sheet of one establishment.";

    // Values of one cell.
    public const string SheetNotWholeNumber = "\"{0}\" is not a whole number.";
    public const string SheetNotNumber = "\"{0}\" is not a number.";
    public const string SheetNotInList = "\"{0}\" is not one of the values of the list.";

    // The dry run and its confirmation.
    public const string SheetImported = "The workbook's values were saved in the draft. Check them, then submit the sheet when it is complete.";
    public const string SheetNothingToImport = "The workbook holds the values already saved: nothing changes.";
    public const string SheetImportExpired = "This import is no longer available (it expired or was already confirmed). Import the workbook again.";
    public const string SheetFixErrorsFirst = "Correct the errors in the workbook, then import it again.";

    // The workbook's instructions tab, in French and Arabic side by side.
    public const string SheetInstructionsTitle = "Identity sheet of {0} for {1}";
    public const string SheetInstructionsFill = "Fill in one tab per section. Type values only (no formulas); choose categories, programmes and conditions from the drop-down lists.";
    public const string SheetInstructionsRows = "Do not insert, move or rename rows, columns or tabs. In the lists (programmes, equipment, needs, constraints), add rows at the end; empty a row to remove it.";
    public const string SheetInstructionsIds = "In the needs and constraints, keep the number of an existing row; leave it empty for a new one.";
    public const string SheetInstructionsImport = "Then import the workbook from the sheet's page: you will see every error, warning and change before confirming. Importing saves the draft; submitting stays a separate step.";
}
