namespace Saas.Host.Web;

/// <summary>
/// Passes a page to the client as it is written and keeps a copy of its bytes for the cache, up to
/// a limit past which it stops copying (the page is then sent but not kept).
/// </summary>
internal sealed class PageCaptureStream(Stream client, int limit) : Stream
{
    private MemoryStream? _copy = new();

    /// <summary>Everything written, or null when it was more than the limit.</summary>
    public byte[]? Captured => _copy?.ToArray();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Keep(buffer);
        client.Write(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return client.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => client.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => client.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private void Keep(ReadOnlySpan<byte> buffer)
    {
        if (_copy is null)
        {
            return;
        }
        if (_copy.Length + buffer.Length > limit)
        {
            _copy = null;
            return;
        }
        _copy.Write(buffer);
    }
}
