using System.Diagnostics;
using System.Text;

namespace RegionalTraining.IntegrationTests.Infrastructure;

/// <summary>A fact that needs LibreOffice; skipped, saying how to install it, on a machine without <c>soffice</c>.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (LibreOffice.Executable is null)
        {
            Skip = "LibreOffice is not installed (no soffice on PATH): apt-get install libreoffice-calc-nogui";
        }
    }
}

/// <summary>Opens a workbook in LibreOffice Calc, headless, the way a reader's spreadsheet would.</summary>
public static class LibreOffice
{
    public static string? Executable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, "soffice"))
        .FirstOrDefault(File.Exists);

    /// <summary>The first sheet as CSV (comma, UTF-8, every text cell in double quotes, numbers bare), or an exception with LibreOffice's output if it could not read the file.</summary>
    public static async Task<string> ToCsvAsync(byte[] xlsx)
    {
        // Its own profile folder, so parallel tests (and a desktop LibreOffice) do not share a lock.
        var folder = Directory.CreateTempSubdirectory("rt-soffice-").FullName;
        try
        {
            var input = Path.Combine(folder, "export.xlsx");
            await File.WriteAllBytesAsync(input, xlsx);
            var start = new ProcessStartInfo(Executable!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList =
                {
                    "--headless", "--norestore", $"-env:UserInstallation=file://{folder}/profile",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true", "--outdir", folder, input,
                },
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(patience.Token);
            var csv = Path.Combine(folder, "export.csv");
            return File.Exists(csv)
                ? await File.ReadAllTextAsync(csv, Encoding.UTF8)
                : throw new InvalidOperationException($"LibreOffice did not convert the workbook (exit {process.ExitCode}): {await output} {await error}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
