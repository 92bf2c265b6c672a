using MimeKit;
using Saas.Kernel.Mail;

namespace Saas.Host.Mail;

/// <summary>
/// The embedded default: without an SMTP server, each mail becomes an <c>.eml</c> file (opens in
/// any mail program) and its path is logged, so a developer can click a confirmation link.
/// </summary>
internal sealed class PickupFolderMailSender(MimeMessageFactory messages, string folder, TimeProvider time, ILogger<PickupFolderMailSender> logger) : IMailSender
{
    public string Folder => folder;

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var mime = messages.Create(message);
        // Quoted-printable/base64 throughout: the file reads the same in every program.
        mime.Prepare(EncodingConstraint.SevenBit);
        Directory.CreateDirectory(folder);
        var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid().ToString("N")[..8]}.eml";
        var path = Path.Combine(folder, name);
        // Written aside and moved in, so a program watching the folder never opens half a mail.
        var partial = path + ".partial";
        await mime.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        logger.LogInformation("E-mail \"{Subject}\" written to {Path}", mime.Subject, path);
    }
}
