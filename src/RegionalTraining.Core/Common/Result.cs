namespace RegionalTraining.Core.Common;

/// <summary>How a service command ended. The controller helper <c>RespondAsync</c> maps each to one response.</summary>
public enum ResultStatus
{
    Succeeded,
    NotFound,
    Forbidden,
    Conflict,
    Invalid,
}

/// <summary>
/// A message for the user about one field (or the whole form when <see cref="Field"/> is empty): a literal
/// resource key from <see cref="Messages"/> and its arguments, localized at the edge.
/// </summary>
public sealed record FieldError(string Field, string MessageKey, params object[] Arguments)
{
    public const string Form = "";
}

/// <summary>
/// The outcome of every service command: success, not found, forbidden, conflict or invalid with field errors.
/// Services never throw for an expected refusal and never return bools or nulls for one.
/// </summary>
public record Result(ResultStatus Status, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Status == ResultStatus.Succeeded;

    public static Result Success() => new(ResultStatus.Succeeded, []);

    public static Result<T> Success<T>(T value) => new(ResultStatus.Succeeded, value, []);

    public static Result NotFound() => new(ResultStatus.NotFound, []);

    public static Result Forbidden() => new(ResultStatus.Forbidden, []);

    /// <summary>Someone else saved first; <paramref name="messageKey"/> says what happened and that the typed values are kept.</summary>
    public static Result Conflict(string messageKey = Messages.Conflict) => new(ResultStatus.Conflict, [new FieldError(FieldError.Form, messageKey)]);

    public static Result Invalid(string field, string messageKey, params object[] arguments) =>
        new(ResultStatus.Invalid, [new FieldError(field, messageKey, arguments)]);

    public static Result Invalid(IEnumerable<FieldError> errors) => new(ResultStatus.Invalid, errors.ToList());

    /// <summary>The same outcome carrying a value (e.g. the current token of a conflict, or the new id).</summary>
    public Result<T> With<T>(T? value = default) => new(Status, value, Errors);
}

/// <inheritdoc cref="Result" />
public sealed record Result<T>(ResultStatus Status, T? Value, IReadOnlyList<FieldError> Errors) : Result(Status, Errors);
