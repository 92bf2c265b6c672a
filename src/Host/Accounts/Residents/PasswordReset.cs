using Microsoft.AspNetCore.Identity;

namespace Saas.Host.Accounts.Residents;

/// <summary>
/// "Forgot password": a reset link by mail (never telling whether the address has an account),
/// then a new password. A reset changes the security stamp, which ends every session of the
/// account and makes the link (and any other outstanding one) worthless.
/// </summary>
internal sealed class PasswordReset(UserManager<Account> users, ResidentMails mails)
{
    public async Task RequestAsync(string email)
    {
        var account = await users.FindByEmailAsync(email);
        if (account is { IsDisabled: false })
        {
            mails.Reset(account, await users.GeneratePasswordResetTokenAsync(account));
        }
    }

    /// <summary>Whether the link still works, checked before the form is shown so nobody types a password in vain.</summary>
    public async Task<bool> IsValidAsync(string? accountId, string? code) =>
        await FindAsync(accountId) is { } account
        && AccountLinks.Decode(code) is { } token
        && await users.VerifyUserTokenAsync(account, users.Options.Tokens.PasswordResetTokenProvider, UserManager<Account>.ResetPasswordTokenPurpose, token);

    /// <summary>Sets the new password; <see cref="ResetOutcome.InvalidLink"/> when the link expired or was used.</summary>
    public async Task<(ResetOutcome Outcome, IEnumerable<IdentityError> Errors)> ResetAsync(string? accountId, string? code, string password)
    {
        if (await FindAsync(accountId) is not { } account || AccountLinks.Decode(code) is not { } token)
        {
            return (ResetOutcome.InvalidLink, []);
        }
        var result = await users.ResetPasswordAsync(account, token, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? (ResetOutcome.InvalidLink, [])
                : (ResetOutcome.Refused, result.Errors);
        }
        // The link came through the mailbox: that confirms the address, and the new password
        // lifts a lockout that was meant to stop guessing the old one.
        account.EmailConfirmed = true;
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        await users.UpdateAsync(account);
        mails.PasswordChanged(account);
        return (ResetOutcome.Done, []);
    }

    private async Task<Account?> FindAsync(string? accountId) =>
        accountId is not null && await users.FindByIdAsync(accountId) is { IsDisabled: false } account ? account : null;
}

internal enum ResetOutcome
{
    Done,
    /// <summary>The new password breaks a rule; the errors say which.</summary>
    Refused,
    InvalidLink,
}
