using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Saas.Host.Accounts;

namespace Saas.Host.Admin;

/// <summary>
/// The code in an invitation link: the account, its town and security stamp, and when it was issued,
/// protected with Data Protection. It is good for 72 hours and once only: setting the password
/// changes the stamp, so the same link never works twice. Written for invitations (rather than
/// Identity's 24-hour token provider) so the lifetime follows <see cref="TimeProvider"/>.
/// </summary>
internal sealed class InvitationTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    private readonly IDataProtector _protector = protection.CreateProtector("Saas.Admin.Invitation.v1");

    public string Create(Account account) => Create(account, clock.GetUtcNow());

    /// <summary>A code as if issued at <paramref name="issuedAt"/> (tests make expired ones this way).</summary>
    public string Create(Account account, DateTimeOffset issuedAt)
    {
        var stamp = System.Text.Encoding.UTF8.GetBytes(account.SecurityStamp);
        var payload = new byte[16 + 16 + 8 + stamp.Length];
        account.Id.TryWriteBytes(payload.AsSpan(0, 16));
        account.TenantId.TryWriteBytes(payload.AsSpan(16, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(32, 8), issuedAt.ToUnixTimeSeconds());
        stamp.CopyTo(payload, 40);
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    /// <summary>Whether <paramref name="code"/> invites <paramref name="account"/> and is still good.</summary>
    public InvitationCheck Check(Account account, string? code)
    {
        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(code ?? ""));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return InvitationCheck.Invalid;
        }
        if (payload.Length < 40 || new Guid(payload.AsSpan(0, 16)) != account.Id || new Guid(payload.AsSpan(16, 16)) != account.TenantId)
        {
            return InvitationCheck.Invalid;
        }
        var issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(32, 8)));
        var stamp = System.Text.Encoding.UTF8.GetString(payload.AsSpan(40));
        if (stamp != account.SecurityStamp || account.PasswordHash is not null || account.IsDisabled)
        {
            // Used already (the password is set and the stamp moved on), or withdrawn.
            return InvitationCheck.Used;
        }
        var age = clock.GetUtcNow() - issued;
        return age < TimeSpan.Zero || age > Lifetime ? InvitationCheck.Expired : InvitationCheck.Valid;
    }
}

internal enum InvitationCheck
{
    Valid,
    Invalid,
    Expired,
    Used,
}
