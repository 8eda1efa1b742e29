namespace RegionalTraining.Core.Common;

/// <summary>
/// Says which entity a form's text fields are stored in: each string property of the form stored in a column is
/// the entity property of the same name, or the one named by <see cref="StoredInAttribute"/>. A test compares
/// every such field's maximum length with its column's, so a form cannot drift from the database.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class StoredAsAttribute(Type entity) : Attribute
{
    public Type Entity { get; } = entity;
}

/// <summary>The column a form field is stored in when its name differs from the column's, or its form has no <see cref="StoredAsAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class StoredInAttribute(Type entity, string property) : Attribute
{
    public Type Entity { get; } = entity;

    public string Property { get; } = property;
}

/// <summary>A text field deliberately stored nowhere (a password, a token, a search), with the reason, so the test knows it was not forgotten.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class NotStoredAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
