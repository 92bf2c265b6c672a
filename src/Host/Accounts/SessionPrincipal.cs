using System.Globalization;
using System.Security.Claims;

namespace Saas.Host.Accounts;

/// <summary>Builds the claims of a session ticket; the only place that decides what a ticket carries.</summary>
internal static class SessionPrincipal
{
    public static ClaimsPrincipal For(UserAccount account, Guid? tenantId, string scheme, DateTimeOffset authTime, bool multiFactor)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.DisplayName),
            new(ClaimTypes.Email, account.Email),
            new(ClaimTypes.Role, account.Role),
            new(AccountClaims.Stamp, account.SecurityStamp),
            new(AccountClaims.AuthTime, authTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ];
        if (tenantId is { } tenant)
        {
            claims.Add(new(AccountClaims.Tenant, tenant.ToString()));
        }
        if (multiFactor)
        {
            claims.Add(new(AccountClaims.Amr, AccountClaims.MultiFactor));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The short ticket between password and second factor: who, which town, and what comes next.</summary>
    public static ClaimsPrincipal PendingSecondFactor(UserAccount account, Guid? tenantId, string scheme, string stage, DateTimeOffset authTime)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(AccountClaims.Stamp, account.SecurityStamp),
            new(AccountClaims.Stage, stage),
            new(AccountClaims.AuthTime, authTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ];
        if (tenantId is { } tenant)
        {
            claims.Add(new(AccountClaims.Tenant, tenant.ToString()));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static Guid? AccountId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static DateTimeOffset? AuthTime(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(AccountClaims.AuthTime), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
