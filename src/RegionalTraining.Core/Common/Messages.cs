namespace RegionalTraining.Core.Common;

/// <summary>
/// The one source of messages shown to users. Each constant is an English sentence and the resource key of its
/// French and Arabic translations; keys are literal so the resource test sees every one (never build a key at
/// run time: map the value to a constant here instead). Add a message here, then to the three .resx files.
/// </summary>
public static partial class Messages
{
    public const string Conflict = "Someone else saved this record after you opened it. Your changes were not saved and are still below. Check them and save again.";
}
