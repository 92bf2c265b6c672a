using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Saas.Host.Accounts;
using Saas.Kernel.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Host.OpenId;

/// <summary><c>/connect/userinfo</c>: the standard claims the granted scopes allow, read fresh from the account.</summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, ITenantContext tenant, AccountsDbContext accounts)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var account = principal is null ? null : await AppSubject.CurrentAccountAsync(principal, tenant.Current!, accounts, http.RequestAborted);
        if (principal is null || account is null)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The token's account has changed or no longer exists.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = account.Id.ToString() };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = account.DisplayName;
            claims[Claims.Locale] = account.PreferredCulture ?? Kernel.Localization.Texts.German;
        }
        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = account.Email;
            claims[Claims.EmailVerified] = account.EmailConfirmed;
        }
        return Results.Ok(claims);
    }
}
