using System.Net.Sockets;
using System.Text;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Mail;

/// <summary>The test SMTP server itself, spoken to over raw TCP: the other mail tests rely on it.</summary>
public sealed class SmtpListenerTests
{
    [Fact]
    public async Task Given_a_raw_conversation_When_data_has_stuffed_dots_Then_they_are_unstuffed_and_the_envelope_kept()
    {
        await using var smtp = SmtpListener.Start();
        await using var client = await ConnectAsync(smtp);

        Assert.StartsWith("220 ", await client.ReadAsync());
        var ehlo = await client.SendAsync("EHLO tester");
        Assert.Contains("250-8BITMIME", ehlo, StringComparison.Ordinal);
        Assert.Contains("SMTPUTF8", ehlo, StringComparison.Ordinal);
        Assert.StartsWith("250", await client.SendAsync("MAIL FROM:<sender@example.org> BODY=8BITMIME"));
        Assert.StartsWith("250", await client.SendAsync("RCPT TO:<one@example.net>"));
        Assert.StartsWith("250", await client.SendAsync("RCPT TO:<two@example.net>"));
        Assert.StartsWith("354", await client.SendAsync("DATA"));
        Assert.StartsWith("250", await client.SendAsync("Subject: Punkte\r\nTo: one@example.net\r\n\r\n..\r\n..x\r\nende\r\n."));
        Assert.StartsWith("221", await client.SendAsync("QUIT"));

        var received = Assert.Single(smtp.Received);
        Assert.Equal("sender@example.org", received.MailFrom);
        Assert.Equal(["one@example.net", "two@example.net"], received.Recipients);
        Assert.Equal(".\n.x\nende\n", received.Message.TextBody!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Given_commands_out_of_order_When_sent_Then_they_are_refused_and_RSET_clears_the_transaction()
    {
        await using var smtp = SmtpListener.Start();
        await using var client = await ConnectAsync(smtp);
        await client.ReadAsync();

        Assert.StartsWith("503", await client.SendAsync("MAIL FROM:<a@example.org>"));
        Assert.StartsWith("250", await client.SendAsync("HELO tester"));
        Assert.StartsWith("503", await client.SendAsync("RCPT TO:<b@example.org>"));
        Assert.StartsWith("501", await client.SendAsync("MAIL FROM:a@example.org"));
        Assert.StartsWith("250", await client.SendAsync("MAIL FROM:<a@example.org>"));
        Assert.StartsWith("250", await client.SendAsync("RCPT TO:<b@example.org>"));
        Assert.StartsWith("250", await client.SendAsync("RSET"));
        Assert.StartsWith("503", await client.SendAsync("DATA"));
        Assert.StartsWith("250", await client.SendAsync("NOOP"));
        Assert.StartsWith("500", await client.SendAsync("XYZZY"));
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Given_no_matching_mail_When_waiting_Then_a_timeout_names_what_did_arrive()
    {
        await using var smtp = SmtpListener.Start();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => smtp.WaitForMessageToAsync("nobody@example.net", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("No mail was received", error.Message, StringComparison.Ordinal);
    }

    private static async Task<RawClient> ConnectAsync(SmtpListener smtp)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(smtp.Host, smtp.Port);
        return new RawClient(tcp);
    }

    /// <summary>Sends one command (or DATA block) and reads the whole reply, multi-line ones included.</summary>
    private sealed class RawClient(TcpClient tcp) : IAsyncDisposable
    {
        private readonly StreamReader _reader = new(tcp.GetStream(), Encoding.UTF8);
        private readonly NetworkStream _stream = tcp.GetStream();

        public async Task<string> SendAsync(string command)
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"));
            return await ReadAsync();
        }

        public async Task<string> ReadAsync()
        {
            var reply = new StringBuilder();
            while (await _reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) is { } line)
            {
                reply.AppendLine(line);
                // "250-..." continues, "250 ..." ends a reply.
                if (line.Length < 4 || line[3] == ' ')
                {
                    break;
                }
            }
            return reply.ToString();
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            tcp.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
