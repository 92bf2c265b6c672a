using Saas.Kernel.Data;

namespace Saas.Host.Accounts;

/// <summary>
/// What every sign-in account has, whether it belongs to a town (<see cref="Account"/>) or to the
/// vendor (<see cref="PlatformStaff"/>). The user name is the e-mail address.
/// </summary>
internal abstract class UserAccount
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public bool EmailConfirmed { get; set; }
    public required string DisplayName { get; set; }
    public string? PasswordHash { get; set; }

    /// <summary>Changes whenever credentials change or the holder signs out: every session carrying the old stamp ends.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public required string Role { get; set; }
    public bool TwoFactorEnabled { get; set; }

    /// <summary>Base32 TOTP secret (RFC 6238), protected with Data Protection at rest.</summary>
    public string? AuthenticatorKey { get; set; }

    /// <summary>The last TOTP time step accepted: a code is good once, never twice.</summary>
    public long LastTotpStep { get; set; }

    /// <summary>SHA-256 hashes of the unused recovery codes, separated by ';'.</summary>
    public string? RecoveryCodes { get; set; }

    public int AccessFailedCount { get; set; }
    public DateTime? LockoutEnd { get; set; }
    public string? PreferredCulture { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
    public DateTime? DisabledAt { get; set; }

    public bool IsDisabled => DisabledAt is not null;
}

/// <summary>A person's account in one town: a resident or a member of the town's staff.</summary>
internal sealed class Account : UserAccount, ITenantOwned
{
    public Guid TenantId { get; set; }
    public string? Phone { get; set; }
}

/// <summary>A member of the vendor's support team; signs in on the platform host only.</summary>
internal sealed class PlatformStaff : UserAccount;
