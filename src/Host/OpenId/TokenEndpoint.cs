using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Saas.Host.Accounts;
using Saas.Kernel.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Host.OpenId;

/// <summary>
/// <c>/connect/token</c>: OpenIddict has already checked the code (PKCE verifier, redirect URI,
/// not redeemed before) or the refresh token (not revoked, not reused); this checks that the
/// resident may still have tokens, and issues them with the account's current details.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, ITenantContext tenant, AccountsDbContext accounts, IOpenIddictTokenManager tokens, TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            return OpenIdResults.Refuse(Errors.UnsupportedGrantType, "Only authorization codes and refresh tokens are accepted.");
        }
        var town = tenant.Current!;
        var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (granted is null)
        {
            return OpenIdResults.Refuse(Errors.InvalidGrant, "The grant is no longer valid.");
        }
        var account = await AppSubject.CurrentAccountAsync(granted, town, accounts, http.RequestAborted);
        if (account is null)
        {
            // Signed out everywhere, password changed, disabled or deleted: nothing issued under
            // the old state is good any more (the refresh token just presented included).
            if (granted.GetClaim(Claims.Subject) is { } subject)
            {
                await tokens.RevokeBySubjectAsync(subject, http.RequestAborted);
            }
            return OpenIdResults.Refuse(Errors.InvalidGrant, "The resident's account has changed; please sign in again.");
        }
        var authTime = long.TryParse(granted.GetClaim(Claims.AuthenticationTime), out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : clock.GetUtcNow();
        var principal = AppSubject.Principal(account, town, granted.GetScopes(), authTime);
        principal.SetAuthorizationId(granted.GetAuthorizationId());
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
