using System.Globalization;
using Saas.Kernel.Localization;
using Saas.Kernel.Mail;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Accounts.Residents;

/// <summary>
/// The mails of a resident's account, in the holder's language, queued on the <see cref="AccountMailOutbox"/>.
/// Mails to an address nobody has confirmed yet greet neutrally: the name was typed by whoever
/// filled in the form, and must not put words into a mail to somebody else's mailbox.
/// </summary>
internal sealed class ResidentMails(MailComposer composer, Texts texts, AccountMailOutbox outbox, AccountLinks links, ITenantContext tenant)
{
    public void Confirm(Account account, string token) =>
        Send(account.Email, null, account.PreferredCulture, "account.mail.confirm", links.Confirm(account.Id, token));

    public void AlreadyRegistered(Account account, string resetToken) =>
        Send(account.Email, account.EmailConfirmed ? account.DisplayName : null, account.PreferredCulture, "account.mail.exists", links.Reset(account.Id, resetToken));

    public void Reset(Account account, string token) =>
        Send(account.Email, account.DisplayName, account.PreferredCulture, "account.mail.reset", links.Reset(account.Id, token));

    public void PasswordChanged(Account account) =>
        Send(account.Email, account.DisplayName, account.PreferredCulture, "account.mail.passwordChanged", links.ForgotPassword());

    public void ConfirmNewEmail(Account account, string newEmail, string token) =>
        Send(newEmail, null, account.PreferredCulture, "account.mail.changeEmail", links.ChangeEmail(account.Id, newEmail, token));

    public void EmailChangeRequested(Account account, string newEmail) =>
        Send(account.Email, account.DisplayName, account.PreferredCulture, "account.mail.changeEmailNotice", links.ForgotPassword(), newEmail);

    public void Deleted(string email, string name, string? culture) =>
        Send(email, name, culture, "account.mail.deleted", null);

    private void Send(string to, string? name, string? culture, string key, Uri? action, params object[] extra)
    {
        var language = (culture ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) == Texts.English ? Texts.English : Texts.German;
        var words = CultureInfo.GetCultureInfo(language);
        object[] args = [tenant.Current?.FullName ?? MailComposer.PlatformName, .. extra];
        string Text(string suffix) => string.Format(words, texts.Get($"{key}.{suffix}", words), args);

        var content = new MailContent(Text("subject"), Text("text").Split("\n\n"))
        {
            Greeting = name is null ? null : string.Format(words, texts.Get("account.mail.greeting", words), name),
            Action = action is null ? null : new MailAction(Text("action"), action),
            Footer = Text("footer"),
        };
        outbox.Enqueue(composer.Compose(words, content).To(to, name));
    }
}
