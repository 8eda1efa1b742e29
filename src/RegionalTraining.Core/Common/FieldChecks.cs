namespace RegionalTraining.Core.Common;

public static class FieldChecks
{
    /// <summary>The field errors of the business rules a command broke, all at once, for <see cref="Result.Invalid(IEnumerable{FieldError})"/>.</summary>
    public static List<FieldError> Broken(params (bool Broken, string Field, string MessageKey)[] rules) =>
        rules.Where(r => r.Broken).Select(r => new FieldError(r.Field, r.MessageKey)).ToList();
}
