namespace Saas.Kernel.Media;

/// <summary>Reads an upload into memory, but never more than one byte past the limit.</summary>
internal static class BoundedReader
{
    /// <summary>
    /// The content, or <c>TooLarge</c> once the stream has yielded <paramref name="limit"/> + 1 bytes:
    /// a client that claims a small upload and then streams gigabytes costs us at most that much memory.
    /// </summary>
    public static async Task<(ReadOnlyMemory<byte> Content, bool TooLarge)> ReadAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        var cap = limit + 1;
        var initial = 81_920;
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > limit)
            {
                return (ReadOnlyMemory<byte>.Empty, true);
            }
            // One byte more than announced, so a stream that grows while we read still ends at the cap.
            initial = (int)remaining + 1;
        }
        var buffer = new byte[Math.Min(cap, Math.Max(initial, 1))];
        var length = 0;
        while (length < cap)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(cap, buffer.Length * 2L));
            }
            var read = await stream.ReadAsync(buffer.AsMemory(length, buffer.Length - length), cancellationToken);
            if (read == 0)
            {
                break;
            }
            length += read;
        }
        return length > limit ? (ReadOnlyMemory<byte>.Empty, true) : (buffer.AsMemory(0, length), false);
    }
}
