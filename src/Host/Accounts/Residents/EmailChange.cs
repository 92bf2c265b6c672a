using Microsoft.AspNetCore.Identity;

namespace Saas.Host.Accounts.Residents;

/// <summary>
/// Changing the e-mail address: a link to the new address, a notice to the old one, and the
/// address changes only when the link is opened. The change renews the security stamp, so every
/// session ends and a second use of the link does nothing.
/// </summary>
internal sealed class EmailChange(UserManager<Account> users, ResidentMails mails)
{
    public async Task RequestAsync(Account account, string newEmail)
    {
        mails.ConfirmNewEmail(account, newEmail, await users.GenerateChangeEmailTokenAsync(account, newEmail));
        mails.EmailChangeRequested(account, newEmail);
    }

    public async Task<EmailChangeOutcome> ConfirmAsync(string? accountId, string? newEmail, string? code)
    {
        var token = AccountLinks.Decode(code);
        if (token is null || string.IsNullOrWhiteSpace(newEmail) || accountId is null
            || await users.FindByIdAsync(accountId) is not { IsDisabled: false } account)
        {
            return EmailChangeOutcome.Invalid;
        }
        if (account.NormalizedEmail == users.NormalizeEmail(newEmail))
        {
            return EmailChangeOutcome.AlreadyDone;
        }
        var result = await users.ChangeEmailAsync(account, newEmail, token);
        if (result.Succeeded)
        {
            return EmailChangeOutcome.Done;
        }
        return result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
            ? EmailChangeOutcome.Taken
            : EmailChangeOutcome.Invalid;
    }
}

internal enum EmailChangeOutcome
{
    Done,
    AlreadyDone,
    /// <summary>Another account of the town uses the address already (only the holder of that mailbox learns this).</summary>
    Taken,
    Invalid,
}
