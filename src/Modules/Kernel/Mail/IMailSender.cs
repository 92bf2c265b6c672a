namespace Saas.Kernel.Mail;

/// <summary>
/// Sends e-mail for the current town (see <see cref="Tenancy.ITenantContext"/>): its name is the
/// sender's display name and its contact address the Reply-To. Outside a town the platform sends.
/// </summary>
public interface IMailSender
{
    /// <summary>Hands the message to the mail server (or the pickup folder); throws when that fails, so jobs retry.</summary>
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}
