namespace RegionalTraining.Core.Common;

/// <summary>A write-only stream that stops accepting bytes past a limit (the rest of the source is not read).</summary>
public sealed class LimitedStream(Stream inner, long limit) : Stream
{
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        var allowed = (int)Math.Min(count, limit - _written);
        if (allowed > 0)
        {
            inner.Write(buffer, offset, allowed);
            _written += allowed;
        }

        if (allowed < count)
        {
            // Stop the copy: the caller only needs to know the limit was passed.
            throw new LimitReachedException();
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.ToArray(), 0, buffer.Length);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }
}

public sealed class LimitReachedException : IOException;
