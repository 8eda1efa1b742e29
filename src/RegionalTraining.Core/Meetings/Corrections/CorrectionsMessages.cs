namespace RegionalTraining.Core.Common;

/// <summary>The messages of corrections to a published meeting.</summary>
public static partial class Messages
{
    public const string CorrectionReasonTooLong = "The reason must have at most {0} characters.";
}
