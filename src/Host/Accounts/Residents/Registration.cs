using Microsoft.AspNetCore.Identity;
using Saas.Kernel.Security;

namespace Saas.Host.Accounts.Residents;

/// <summary>
/// Registration and its confirmation mail. The answer is the same whether or not the address
/// already has an account in this town: a new address gets a confirmation link, a known one a
/// mail to its holder ("someone tried to register; here is how to set a new password").
/// </summary>
internal sealed class Registration(UserManager<Account> users, IPasswordHasher<Account> hasher, ResidentMails mails, TimeProvider clock)
{
    /// <summary>A registration younger than this gets no second mail: a double submit or an impatient reload.</summary>
    public static readonly TimeSpan Settling = TimeSpan.FromMinutes(15);

    /// <summary>Registers or mails the holder; fails only on what the form itself got wrong (password rules, e-mail format).</summary>
    public async Task<IdentityResult> RegisterAsync(string name, string email, string password, string culture)
    {
        var candidate = new Account
        {
            Email = email,
            NormalizedEmail = users.NormalizeEmail(email) ?? "",
            DisplayName = name,
            Role = Roles.Resident,
            PreferredCulture = culture,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // The password rules answer first, the same for a taken address as for a new one.
        var problems = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, candidate, password)).Errors);
        }
        if (problems.Count > 0)
        {
            return IdentityResult.Failed([.. problems]);
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            var created = await users.CreateAsync(candidate, password);
            if (created.Succeeded)
            {
                mails.Confirm(candidate, await users.GenerateEmailConfirmationTokenAsync(candidate));
                return created;
            }
            // A double submit that lost the race on the unique index: the winner sent the mail.
            return created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                ? IdentityResult.Success
                : created;
        }

        // Hash anyway: creating an account costs one hash, and the answer must not come faster here.
        _ = hasher.HashPassword(candidate, password);
        var justStarted = !existing.EmailConfirmed && clock.GetUtcNow().UtcDateTime - existing.CreatedAt < Settling;
        if (!existing.IsDisabled && !justStarted)
        {
            // A reset link, not a confirmation: setting a password proves the mailbox and replaces
            // whatever password somebody else may have chosen when they started this account.
            mails.AlreadyRegistered(existing, await users.GeneratePasswordResetTokenAsync(existing));
        }
        return IdentityResult.Success;
    }

    /// <summary>Sends a fresh confirmation link when the address has an account that still waits for one; silent otherwise.</summary>
    public async Task ResendConfirmationAsync(string email)
    {
        var account = await users.FindByEmailAsync(email);
        if (account is { EmailConfirmed: false, IsDisabled: false })
        {
            mails.Confirm(account, await users.GenerateEmailConfirmationTokenAsync(account));
        }
    }

    /// <summary>Confirms the address of the account the link names.</summary>
    public async Task<LinkOutcome> ConfirmAsync(string? accountId, string? code)
    {
        var token = AccountLinks.Decode(code);
        if (token is null || accountId is null || await users.FindByIdAsync(accountId) is not { } account)
        {
            return LinkOutcome.Invalid;
        }
        if (account.EmailConfirmed)
        {
            // A replayed link (or a mail scanner that opened it first): nothing to do, and nothing wrong.
            return LinkOutcome.AlreadyDone;
        }
        var result = await users.ConfirmEmailAsync(account, token);
        return result.Succeeded ? LinkOutcome.Done : LinkOutcome.Invalid;
    }
}

/// <summary>What opening a link from an account mail did.</summary>
internal enum LinkOutcome
{
    Done,
    AlreadyDone,
    /// <summary>Expired, used up, cut off, or from another town: the page offers a new link.</summary>
    Invalid,
}
