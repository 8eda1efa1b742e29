namespace RegionalTraining.Core.Meetings;

/// <summary>Where attachment files are kept (a folder outside the web root, shared by all web nodes).</summary>
public interface IAttachmentStore
{
    Task SaveAsync(string storedName, Stream content, CancellationToken cancellationToken = default);

    Stream? Open(string storedName);

    void Delete(string storedName);
}

/// <inheritdoc />
public sealed class FileSystemAttachmentStore(string folder) : IAttachmentStore
{
    public async Task SaveAsync(string storedName, Stream content, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        await using var file = new FileStream(PathOf(storedName), FileMode.CreateNew, FileAccess.Write);
        await content.CopyToAsync(file, cancellationToken);
    }

    public Stream? Open(string storedName)
    {
        var path = PathOf(storedName);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(string storedName)
    {
        var path = PathOf(storedName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Stored names are generated hexadecimal: anything else is refused rather than used as a path.</summary>
    private string PathOf(string storedName) =>
        storedName.Length is > 0 and <= 64 && storedName.All(char.IsAsciiHexDigit)
            ? Path.Combine(folder, storedName)
            : throw new ArgumentException("Invalid stored name.", nameof(storedName));
}
