using MailKit.Net.Smtp;
using MailKit.Security;
using Saas.Kernel.Mail;

namespace Saas.Host.Mail;

/// <summary>
/// Sends through the configured SMTP server with MailKit, one connection per mail: mails are
/// rare (confirmations, reminders) and a fresh connection never carries a broken state over.
/// </summary>
internal sealed class SmtpMailSender(MimeMessageFactory messages, SmtpOptions smtp, ILogger<SmtpMailSender> logger) : IMailSender
{
    public string Server => $"{smtp.Host}:{smtp.EffectivePort}";

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var mime = messages.Create(message);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.EffectivePort, Security(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("E-mail {MessageId} sent through {Server}", mime.MessageId, Server);
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
