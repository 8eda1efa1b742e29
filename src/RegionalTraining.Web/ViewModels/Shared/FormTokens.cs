namespace RegionalTraining.Web.ViewModels.Shared;

/// <summary>Concurrency tokens travel through forms as base64; a tampered one simply fails the check.</summary>
public static class FormTokens
{
    /// <summary>Longer than any token the portal issues (8 bytes on SQL Server, 16 on SQLite), as base64.</summary>
    public const int MaximumLength = 64;

    public static string Encode(byte[] token) => Convert.ToBase64String(token);

    public static byte[] Decode(string? base64)
    {
        try
        {
            return string.IsNullOrEmpty(base64) ? [] : Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
