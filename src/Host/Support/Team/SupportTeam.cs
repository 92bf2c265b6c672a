using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Saas.Host.Accounts;
using Saas.Kernel.Security;

namespace Saas.Host.Support.Team;

/// <summary>
/// The support team, managed by SupportAdmins: invite by e-mail (the invitee sets a password through
/// a link valid for <see cref="InvitationLifetime"/>, then enrols the authenticator at the first
/// sign-in), change roles, disable and enable. Disabling or a role change ends every session of
/// that account (new security stamp). The last enabled SupportAdmin cannot be demoted or disabled.
/// Returns a text key of the problem, or null when done.
/// </summary>
internal sealed class SupportTeam(
    UserManager<PlatformStaff> users,
    PlatformStaffDbContext db,
    IDataProtectionProvider protection,
    TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(3);

    private readonly IDataProtector _invitations = protection.CreateProtector("Saas.Support.Invitation.v1");

    public static bool IsRole(string? role) => role is Roles.Support or Roles.SupportAdmin;

    public async Task<IReadOnlyList<PlatformStaff>> ListAsync(CancellationToken cancellationToken) =>
        await db.Staff.AsNoTracking().OrderBy(s => s.DisplayName).ThenBy(s => s.Email).ToListAsync(cancellationToken);

    /// <summary>Creates the account (no password yet) and returns the invitation token, or the problem.</summary>
    public async Task<(string? Token, string? Problem)> InviteAsync(string? email, string? name, string? role)
    {
        email = email?.Trim() ?? "";
        name = name?.Trim() ?? "";
        if (!IsEmail(email))
        {
            return (null, "support.team.error.email");
        }
        if (name.Length is 0 or > 100)
        {
            return (null, "support.team.error.name");
        }
        if (!IsRole(role))
        {
            return (null, "support.team.error.role");
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return (null, "support.team.error.exists");
        }
        var staff = new PlatformStaff
        {
            Email = email,
            NormalizedEmail = users.NormalizeEmail(email)!,
            DisplayName = name,
            Role = role!,
            EmailConfirmed = false,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(staff);
        if (!result.Succeeded)
        {
            return (null, "support.team.error.exists");
        }
        return (InvitationToken(staff), null);
    }

    public string InvitationToken(PlatformStaff staff) => _invitations.Protect(string.Join('|',
        staff.Id.ToString("N"), staff.SecurityStamp, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

    /// <summary>The invited account, while the invitation is fresh and unused (setting the password changes the stamp).</summary>
    public async Task<PlatformStaff?> FindInvitedAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }
        string plain;
        try
        {
            plain = _invitations.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = plain.Split('|');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var id)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued) > InvitationLifetime)
        {
            return null;
        }
        var staff = await users.FindByIdAsync(id.ToString());
        return staff is { PasswordHash: null, IsDisabled: false } && staff.SecurityStamp == parts[1] ? staff : null;
    }

    /// <summary>Sets the invitee's password; the errors are Identity's (length, breached list).</summary>
    public async Task<IdentityResult> AcceptAsync(PlatformStaff staff, string password)
    {
        var result = await users.AddPasswordAsync(staff, password);
        if (result.Succeeded)
        {
            staff.EmailConfirmed = true;
            result = await users.UpdateAsync(staff);
        }
        return result;
    }

    public async Task<string?> SetRoleAsync(Guid actorId, Guid staffId, string? role)
    {
        if (!IsRole(role))
        {
            return "support.team.error.role";
        }
        if (await users.FindByIdAsync(staffId.ToString()) is not { } staff)
        {
            return "support.team.error.unknown";
        }
        if (staff.Role == role)
        {
            return null;
        }
        if (staff.Id == actorId)
        {
            return "support.team.error.self";
        }
        if (staff.Role == Roles.SupportAdmin && await IsLastAdminAsync(staff))
        {
            return "support.team.error.lastAdmin";
        }
        staff.Role = role!;
        await users.UpdateSecurityStampAsync(staff);
        return null;
    }

    public async Task<string?> SetDisabledAsync(Guid actorId, Guid staffId, bool disabled)
    {
        if (await users.FindByIdAsync(staffId.ToString()) is not { } staff)
        {
            return "support.team.error.unknown";
        }
        if (staff.Id == actorId)
        {
            return "support.team.error.self";
        }
        if (disabled && staff.Role == Roles.SupportAdmin && await IsLastAdminAsync(staff))
        {
            return "support.team.error.lastAdmin";
        }
        staff.DisabledAt = disabled ? clock.GetUtcNow().UtcDateTime : null;
        await users.UpdateSecurityStampAsync(staff);
        return null;
    }

    private Task<bool> IsLastAdminAsync(PlatformStaff staff) =>
        db.Staff.AllAsync(s => s.Id == staff.Id || s.Role != Roles.SupportAdmin || s.DisabledAt != null);

    private static bool IsEmail(string email) =>
        email.Length is > 3 and <= 254 && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        && at < email.Length - 1 && !email.Any(char.IsWhiteSpace) && email.Count(c => c == '@') == 1;
}
