using Microsoft.AspNetCore.Mvc;

namespace RegionalTraining.Web.Infrastructure.Export;

/// <summary>A table answered as a download in the format the address names: CSV or XLSX.</summary>
public static class TableFiles
{
    public static bool IsFormat(string? format) => format is "csv" or "xlsx";

    /// <param name="name">The file name without its extension.</param>
    public static FileContentResult TableFile(this ControllerBase controller, ExportTable table, string name, string format) => format == "xlsx"
        ? controller.File(TableExport.ToXlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
        : controller.File(TableExport.ToCsv(table), "text/csv; charset=utf-8", name + ".csv");
}
