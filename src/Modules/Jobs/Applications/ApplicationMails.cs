using System.Globalization;
using Microsoft.Extensions.Logging;
using Saas.Kernel.Localization;
using Saas.Kernel.Mail;
using Saas.Kernel.Tenancy;
using Saas.Modules.Jobs.Data;

namespace Saas.Modules.Jobs.Applications;

/// <summary>
/// The applicant's mails: the confirmation after the application is stored, and staff's answer. Sent after the
/// rows are committed: a mail server that fails never loses an application; it is logged and the page says so.
/// </summary>
internal sealed partial class ApplicationMails(MailComposer composer, Texts texts, IMailSender mail, ITenantContext tenant, ILogger<ApplicationMails> logger)
{
    public Task<bool> ConfirmAsync(JobApplication application, JobPosting posting, int attachments, CancellationToken cancellationToken)
    {
        var words = CultureInfo.GetCultureInfo(Texts.German);
        string T(string key, params object[] args) => string.Format(words, texts.Get(key, words), args);
        var content = new MailContent(
            T("jobs.mail.confirm.subject", posting.Title),
            [
                T("jobs.mail.confirm.received", posting.Title, tenant.Current!.Contact.Authority),
                T("jobs.mail.confirm.files", attachments),
                T("jobs.mail.confirm.next"),
                T("jobs.mail.confirm.privacy"),
            ]);
        return SendAsync(composer.Compose(words, content).To(application.Email, application.Name), application.Id, cancellationToken);
    }

    /// <summary>Staff's answer: the template chosen for the status, with what staff added, in the applicant's name.</summary>
    public Task<bool> AnswerAsync(JobApplication application, JobPosting posting, string message, CancellationToken cancellationToken)
    {
        var words = CultureInfo.GetCultureInfo(Texts.German);
        var content = new MailContent(
            string.Format(words, texts.Get("jobs.mail.answer.subject", words), posting.Title),
            message.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return SendAsync(composer.Compose(words, content).To(application.Email, application.Name), application.Id, cancellationToken);
    }

    /// <summary>The template text for an answer with <paramref name="status"/>, already filled with name and title.</summary>
    public string Template(string status, JobApplication application, JobPosting posting)
    {
        var words = CultureInfo.GetCultureInfo(Texts.German);
        return string.Format(words, texts.Get($"jobs.answer.template.{status}", words), application.Name, posting.Title, tenant.Current!.Contact.Authority);
    }

    private async Task<bool> SendAsync(MailMessage message, Guid application, CancellationToken cancellationToken)
    {
        try
        {
            await mail.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, application, ex);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "A mail about job application {ApplicationId} could not be sent; the application stands.")]
    private static partial void LogNotSent(ILogger logger, Guid applicationId, Exception exception);
}
