using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Saas.Host.Accounts;
using Saas.Kernel.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Host.OpenId;

/// <summary>
/// The one place that decides what the towns' tokens say about a resident, and whether a token
/// still speaks for a live account: the tokens carry the town and a digest of the account's
/// security stamp, so everything that ends the resident's web sessions (sign-out everywhere, a
/// password change, disabling) also ends their app's tokens, on their next use.
/// </summary>
internal static class AppSubject
{
    /// <summary>The town a token was issued by (defence in depth next to the issuer check).</summary>
    public const string TenantClaim = "tenant";

    /// <summary>Digest of the security stamp at issue time (never the stamp itself).</summary>
    public const string StampClaim = "stamp_digest";

    /// <summary>The audience of the town's access tokens: only this town's API accepts them.</summary>
    public static string Audience(TenantSnapshot town) => $"api:{town.Slug}";

    public static ClaimsPrincipal Principal(Account account, TenantSnapshot town, IEnumerable<string> scopes, DateTimeOffset authTime)
    {
        var identity = new ClaimsIdentity(
            authenticationType: "OpenIddict.Server.AspNetCore", nameType: Claims.Name, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString())
            .SetClaim(Claims.Name, account.DisplayName)
            .SetClaim(Claims.Email, account.Email)
            .SetClaim(Claims.EmailVerified, account.EmailConfirmed)
            .SetClaim(Claims.Locale, account.PreferredCulture)
            .SetClaim(Claims.AuthenticationTime, authTime.ToUnixTimeSeconds())
            .SetClaim(TenantClaim, town.Id.ToString())
            .SetClaim(StampClaim, StampDigest(account.SecurityStamp));
        identity.SetScopes(scopes);
        identity.SetResources(Audience(town));
        identity.SetAudiences(Audience(town));
        identity.SetDestinations(DestinationsOf);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// The account a token speaks for, if it still may: same town, account present and enabled,
    /// security stamp unchanged since the token was issued. Null otherwise.
    /// </summary>
    public static async Task<Account?> CurrentAccountAsync(ClaimsPrincipal principal, TenantSnapshot town, AccountsDbContext accounts, CancellationToken cancellationToken)
    {
        if (principal.GetClaim(TenantClaim) != town.Id.ToString()
            || !Guid.TryParse(principal.GetClaim(Claims.Subject), out var id))
        {
            return null;
        }
        var account = await accounts.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return account is { IsDisabled: false } && principal.GetClaim(StampClaim) == StampDigest(account.SecurityStamp) ? account : null;
    }

    private static string StampDigest(string stamp) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes("openid-token:" + stamp)))[..22];

    private static IEnumerable<string> DestinationsOf(Claim claim)
    {
        // Every claim stays in the authorization code and refresh token (the server's own tokens).
        // The access token (read only by this server's API) gets what the API checks; the identity
        // token (read by the app) gets only what the granted scopes allow.
        var scopes = claim.Subject?.GetScopes() ?? [];
        switch (claim.Type)
        {
            case Claims.Subject:
                yield return Destinations.AccessToken;
                yield return Destinations.IdentityToken;
                break;
            case TenantClaim or StampClaim:
                yield return Destinations.AccessToken;
                break;
            case Claims.Name or Claims.Locale when scopes.Contains(Scopes.Profile):
                yield return Destinations.IdentityToken;
                break;
            case Claims.Email or Claims.EmailVerified when scopes.Contains(Scopes.Email):
                yield return Destinations.IdentityToken;
                break;
            case Claims.AuthenticationTime:
                yield return Destinations.IdentityToken;
                break;
        }
    }
}
