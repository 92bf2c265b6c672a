namespace Saas.TestInfrastructure.Mail;

/// <summary>Reads CRLF-terminated lines as bytes (message data may be 8-bit, so no decoding here).</summary>
internal sealed class LineReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next line without its line ending; <c>null</c> when the peer closed the connection.</summary>
    public async ValueTask<byte[]?> ReadLineAsync(int maxLength, CancellationToken cancellationToken)
    {
        using var line = new MemoryStream();
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                line.Write(_buffer, _start, newline - _start);
                _start = newline + 1;
                var bytes = line.ToArray();
                // Lenient about a bare LF; a CRLF loses both characters.
                return bytes is [.., (byte)'\r'] ? bytes[..^1] : bytes;
            }
            line.Write(_buffer, _start, _end - _start);
            _start = _end = 0;
            if (line.Length > maxLength)
            {
                throw new IOException($"Line longer than {maxLength} bytes.");
            }
            var read = await stream.ReadAsync(_buffer.AsMemory(), cancellationToken);
            if (read == 0)
            {
                return null;
            }
            _end = read;
        }
    }
}
