using System.Text;
using MimeKit;

namespace Saas.TestInfrastructure.Mail;

/// <summary>One SMTP conversation (RFC 5321, the subset a submitting client uses).</summary>
internal sealed class SmtpSession(Stream stream, Action<ReceivedMail> deliver, Action<string> recordError)
{
    private const string ServerName = "smtp-listener.test";
    private const int MaxCommandLength = 4096;
    private const int MaxMessageSize = 50 * 1024 * 1024;

    private readonly LineReader _reader = new(stream);
    private string? _client;
    private string? _mailFrom;
    private readonly List<string> _recipients = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await ReplyAsync($"220 {ServerName} ESMTP test listener ready", cancellationToken);
        while (true)
        {
            var line = await _reader.ReadLineAsync(MaxCommandLength, cancellationToken);
            if (line is null)
            {
                return;
            }
            var command = Encoding.UTF8.GetString(line);
            var space = command.IndexOf(' ', StringComparison.Ordinal);
            var verb = (space < 0 ? command : command[..space]).ToUpperInvariant();
            var argument = space < 0 ? "" : command[(space + 1)..].Trim();
            switch (verb)
            {
                case "EHLO":
                    _client = argument;
                    Reset();
                    await ReplyAsync(
                        $"250-{ServerName} greets {argument}\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-SIZE {MaxMessageSize}\r\n250 HELP",
                        cancellationToken);
                    break;
                case "HELO":
                    _client = argument;
                    Reset();
                    await ReplyAsync($"250 {ServerName}", cancellationToken);
                    break;
                case "MAIL":
                    await MailAsync(argument, cancellationToken);
                    break;
                case "RCPT":
                    await RecipientAsync(argument, cancellationToken);
                    break;
                case "DATA":
                    await DataAsync(cancellationToken);
                    break;
                case "RSET":
                    Reset();
                    await ReplyAsync("250 2.0.0 OK", cancellationToken);
                    break;
                case "NOOP":
                    await ReplyAsync("250 2.0.0 OK", cancellationToken);
                    break;
                case "VRFY":
                    await ReplyAsync("252 2.1.5 Cannot verify, but will accept", cancellationToken);
                    break;
                case "HELP":
                    await ReplyAsync("214 2.0.0 EHLO HELO MAIL RCPT DATA RSET NOOP QUIT", cancellationToken);
                    break;
                case "QUIT":
                    await ReplyAsync($"221 2.0.0 {ServerName} closing", cancellationToken);
                    return;
                default:
                    await ReplyAsync("500 5.5.2 Command not recognized", cancellationToken);
                    break;
            }
        }
    }

    private async Task MailAsync(string argument, CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            await ReplyAsync("503 5.5.1 Say EHLO first", cancellationToken);
        }
        else if (Path(argument, "FROM:") is not { } from)
        {
            await ReplyAsync("501 5.5.4 Syntax: MAIL FROM:<address>", cancellationToken);
        }
        else
        {
            Reset();
            _mailFrom = from;
            await ReplyAsync("250 2.1.0 OK", cancellationToken);
        }
    }

    private async Task RecipientAsync(string argument, CancellationToken cancellationToken)
    {
        if (_mailFrom is null)
        {
            await ReplyAsync("503 5.5.1 Need MAIL first", cancellationToken);
        }
        else if (Path(argument, "TO:") is not { Length: > 0 } to)
        {
            await ReplyAsync("501 5.5.4 Syntax: RCPT TO:<address>", cancellationToken);
        }
        else
        {
            _recipients.Add(to);
            await ReplyAsync("250 2.1.5 OK", cancellationToken);
        }
    }

    private async Task DataAsync(CancellationToken cancellationToken)
    {
        if (_mailFrom is null || _recipients.Count == 0)
        {
            await ReplyAsync("503 5.5.1 Need RCPT first", cancellationToken);
            return;
        }
        await ReplyAsync("354 End data with <CR><LF>.<CR><LF>", cancellationToken);
        using var data = new MemoryStream();
        var tooLarge = false;
        while (true)
        {
            var line = await _reader.ReadLineAsync(MaxMessageSize, cancellationToken)
                ?? throw new IOException("The client closed the connection during DATA.");
            if (line is [(byte)'.'])
            {
                break;
            }
            // Dot-unstuffing (RFC 5321 4.5.2): the client doubled every leading dot.
            var start = line is [(byte)'.', ..] ? 1 : 0;
            if (data.Length + line.Length > MaxMessageSize)
            {
                tooLarge = true;
                continue;
            }
            data.Write(line, start, line.Length - start);
            data.Write("\r\n"u8);
        }
        if (tooLarge)
        {
            Reset();
            await ReplyAsync("552 5.3.4 Message too big", cancellationToken);
            return;
        }
        data.Position = 0;
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(data, cancellationToken);
        }
        catch (FormatException ex)
        {
            recordError($"unparseable message: {ex.Message}");
            Reset();
            await ReplyAsync("554 5.6.0 Message could not be parsed", cancellationToken);
            return;
        }
        deliver(new ReceivedMail(_mailFrom, [.. _recipients], message));
        Reset();
        await ReplyAsync("250 2.0.0 OK queued", cancellationToken);
    }

    private void Reset()
    {
        _mailFrom = null;
        _recipients.Clear();
    }

    /// <summary>The address in <c>FROM:&lt;a@b&gt; PARAM=...</c>; empty for the null sender <c>&lt;&gt;</c>; null when malformed.</summary>
    private static string? Path(string argument, string keyword)
    {
        if (!argument.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var rest = argument[keyword.Length..].TrimStart();
        var close = rest.IndexOf('>', StringComparison.Ordinal);
        return rest.StartsWith('<') && close > 0 ? rest[1..close] : null;
    }

    private async Task ReplyAsync(string reply, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(reply + "\r\n"), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
