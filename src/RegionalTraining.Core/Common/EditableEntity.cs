namespace RegionalTraining.Core.Common;

/// <summary>Who created and last changed a row, and when (UTC). Filled by the audit interceptor, never by callers.</summary>
public interface IAuditable
{
    DateTime CreatedAtUtc { get; set; }
    string? CreatedBy { get; set; }
    DateTime UpdatedAtUtc { get; set; }
    string? UpdatedBy { get; set; }
}

/// <summary>
/// Base of every entity that people edit through forms: audited, and guarded by an optimistic-concurrency
/// token so that a later save cannot silently overwrite an earlier one.
/// </summary>
public abstract class EditableEntity : IAuditable
{
    public int Id { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>
    /// A rowversion on SQL Server; on SQLite, which has none, the audit interceptor writes a fresh value on
    /// every insert and update.
    /// </summary>
    public byte[] RowVersion { get; set; } = [];
}
