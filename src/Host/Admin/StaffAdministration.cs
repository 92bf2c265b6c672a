using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Saas.Host.Accounts;
using Saas.Kernel.Audit;
using Saas.Kernel.Localization;
using Saas.Kernel.Mail;
using Saas.Kernel.Security;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Admin;

/// <summary>
/// What a TenantAdmin does with the town's staff: invite, change roles, disable and enable. The
/// rules that keep a town administrable live here: nobody changes or disables their own account,
/// and the last active TenantAdmin is never demoted or disabled. Each change is audited.
/// </summary>
internal sealed class StaffAdministration(
    AccountsDbContext db,
    UserManager<Account> users,
    InvitationTokens invitations,
    IMailSender mail,
    MailComposer composer,
    IAuditLog audit,
    ITenantContext tenant,
    Texts texts,
    TimeProvider clock,
    ILogger<StaffAdministration> logger)
{
    public Task<List<Account>> StaffAsync(CancellationToken cancellationToken) =>
        db.Accounts.AsNoTracking().Where(a => a.Role == Roles.Editor || a.Role == Roles.TenantAdmin)
            .OrderBy(a => a.DisplayName).ThenBy(a => a.Email).ToListAsync(cancellationToken);

    public Task<int> ResidentCountAsync(CancellationToken cancellationToken) =>
        db.Accounts.CountAsync(a => a.Role == Roles.Resident && a.DisabledAt == null, cancellationToken);

    /// <summary>Creates the account (role, no password) and mails the link to set one; returns an error key or null.</summary>
    public async Task<StaffResult> InviteAsync(string email, string name, string role, Uri origin, CancellationToken cancellationToken)
    {
        if (!Roles.IsStaff(role))
        {
            return StaffResult.Fail("admin.users.error.role");
        }
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            return StaffResult.Fail(Roles.IsStaff(existing.Role) ? "admin.users.error.exists" : "admin.users.error.resident");
        }
        var account = new Account
        {
            Email = email,
            NormalizedEmail = users.NormalizeEmail(email)!,
            DisplayName = name,
            Role = role,
            EmailConfirmed = false,
            PreferredCulture = tenant.Current!.Settings.Cultures is [var first, ..] ? first : Texts.German,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            return StaffResult.Fail(created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)) ? "admin.users.error.exists" : "admin.users.error.invalid");
        }
        await audit.RecordAsync("admin.users.invited", account.Email, $"{name} · {role}", cancellationToken);
        return await SendInvitationAsync(account, origin, cancellationToken)
            ? StaffResult.Done(account)
            : StaffResult.Fail("admin.users.error.mail", account);
    }

    /// <summary>A new link for an invitation not yet accepted; the old link stops working.</summary>
    public async Task<StaffResult> ResendAsync(Guid id, Uri origin, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } account || !Roles.IsStaff(account.Role) || account.PasswordHash is not null || account.IsDisabled)
        {
            return StaffResult.Fail("admin.users.error.notInvited");
        }
        await users.UpdateSecurityStampAsync(account);
        await audit.RecordAsync("admin.users.reinvited", account.Email, cancellationToken: cancellationToken);
        return await SendInvitationAsync(account, origin, cancellationToken) ? StaffResult.Done(account) : StaffResult.Fail("admin.users.error.mail", account);
    }

    public async Task<StaffResult> ChangeRoleAsync(ClaimsPrincipal actor, Guid id, string role, CancellationToken cancellationToken)
    {
        if (!Roles.IsStaff(role))
        {
            return StaffResult.Fail("admin.users.error.role");
        }
        if (await TargetAsync(actor, id) is not { } account)
        {
            return StaffResult.Fail(actor.AccountId() == id ? "admin.users.error.self" : "admin.users.error.notFound");
        }
        if (account.Role == role)
        {
            return StaffResult.Done(account);
        }
        if (account.Role == Roles.TenantAdmin && !account.IsDisabled && await ActiveAdminsAsync(cancellationToken) <= 1)
        {
            return StaffResult.Fail("admin.users.error.lastAdmin");
        }
        var before = account.Role;
        account.Role = role;
        // A new role ends the account's sessions (the session check compares roles), so it signs in anew.
        var result = await users.UpdateAsync(account);
        if (!result.Succeeded)
        {
            return StaffResult.Fail("admin.users.error.concurrency");
        }
        await audit.RecordAsync("admin.users.roleChanged", account.Email, $"{before} → {role}", cancellationToken);
        return StaffResult.Done(account);
    }

    public async Task<StaffResult> SetDisabledAsync(ClaimsPrincipal actor, Guid id, bool disabled, CancellationToken cancellationToken)
    {
        if (await TargetAsync(actor, id) is not { } account)
        {
            return StaffResult.Fail(actor.AccountId() == id ? "admin.users.error.self" : "admin.users.error.notFound");
        }
        if (account.IsDisabled == disabled)
        {
            return StaffResult.Done(account);
        }
        if (disabled && account.Role == Roles.TenantAdmin && await ActiveAdminsAsync(cancellationToken) <= 1)
        {
            return StaffResult.Fail("admin.users.error.lastAdmin");
        }
        account.DisabledAt = disabled ? clock.GetUtcNow().UtcDateTime : null;
        if (disabled)
        {
            // Every session of the account ends on its next request, on every node.
            account.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        var result = await users.UpdateAsync(account);
        if (!result.Succeeded)
        {
            return StaffResult.Fail("admin.users.error.concurrency");
        }
        await audit.RecordAsync(disabled ? "admin.users.disabled" : "admin.users.enabled", account.Email, cancellationToken: cancellationToken);
        return StaffResult.Done(account);
    }

    /// <summary>A staff account of this town other than the actor's own.</summary>
    private async Task<Account?> TargetAsync(ClaimsPrincipal actor, Guid id)
    {
        if (actor.AccountId() == id && !actor.HasClaim(c => c.Type == AccountClaims.SupportSession))
        {
            return null;
        }
        return await users.FindByIdAsync(id.ToString()) is { } account && Roles.IsStaff(account.Role) ? account : null;
    }

    private Task<int> ActiveAdminsAsync(CancellationToken cancellationToken) =>
        db.Accounts.CountAsync(a => a.Role == Roles.TenantAdmin && a.DisabledAt == null, cancellationToken);

    private async Task<bool> SendInvitationAsync(Account account, Uri origin, CancellationToken cancellationToken)
    {
        var town = tenant.Current!;
        var culture = CultureInfo.GetCultureInfo(account.PreferredCulture ?? Texts.German);
        var link = new Uri(origin, $"/admin/einladung?konto={account.Id}&code={Uri.EscapeDataString(invitations.Create(account))}");
        var content = new MailContent(
            texts.Get("admin.invite.mail.subject", culture).Replace("{town}", town.FullName, StringComparison.Ordinal),
            [
                texts.Get("admin.invite.mail.text", culture).Replace("{town}", town.FullName, StringComparison.Ordinal)
                    .Replace("{role}", texts.Get($"admin.role.{account.Role}", culture), StringComparison.Ordinal),
                texts.Get("admin.invite.mail.twoFactor", culture),
                texts.Get("admin.invite.mail.expiry", culture),
            ])
        {
            Action = new MailAction(texts.Get("admin.invite.mail.action", culture), link),
            Footer = texts.Get("admin.invite.mail.footer", culture),
        };
        try
        {
            await mail.SendAsync(composer.Compose(culture, content).To(account.Email, account.DisplayName), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The account exists; the page offers to send the invitation again.
            logger.LogError(ex, "Invitation mail to {Email} could not be sent", account.Email);
            return false;
        }
    }
}

/// <summary>The outcome of a staff change: an error text key, and the account concerned.</summary>
internal sealed record StaffResult(string? ErrorKey, Account? Account)
{
    public bool Succeeded => ErrorKey is null;
    public static StaffResult Done(Account account) => new(null, account);
    public static StaffResult Fail(string key, Account? account = null) => new(key, account);
}
