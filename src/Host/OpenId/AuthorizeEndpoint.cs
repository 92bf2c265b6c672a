using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Saas.Host.Accounts;
using Saas.Kernel.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Host.OpenId;

/// <summary>
/// <c>/connect/authorize</c>: OpenIddict has already checked the request (client, redirect URI,
/// PKCE, scopes); this decides who the resident is. Without a resident session of this town
/// (<c>__Host-town</c>), the resident is sent to <c>/konto/anmelden</c> and comes back here.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http,
        ITenantContext tenant,
        UserManager<Account> users,
        IOpenIddictApplicationManager applications,
        IOpenIddictAuthorizationManager authorizations,
        TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var town = tenant.Current!;
        var session = await http.AuthenticateAsync(AccountSchemes.Town);
        var authTime = session.Principal?.AuthTime();
        if (!session.Succeeded || authTime is null || MustSignInAgain(request, authTime.Value, clock))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return OpenIdResults.Refuse(Errors.LoginRequired, "The resident is not signed in.");
            }
            return Results.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrl(http.Request) }, [AccountSchemes.Town]);
        }
        if (session.Principal!.HasClaim(c => c.Type == AccountClaims.SupportSession))
        {
            // Support access is for looking at the town's site, audited and short; it never mints tokens for an app.
            return OpenIdResults.Refuse(Errors.AccessDenied, "Support access cannot authorize applications.");
        }
        if (session.Principal.AccountId() is not { } accountId || await users.FindByIdAsync(accountId.ToString()) is not { IsDisabled: false } account)
        {
            return OpenIdResults.Refuse(Errors.LoginRequired, "The account is not available.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted)
            ?? throw new InvalidOperationException("OpenIddict validated a client that does not exist.");
        if (await applications.GetConsentTypeAsync(application, http.RequestAborted) != ConsentTypes.Implicit)
        {
            // Only the town's own apps exist today; a third-party client would need a consent page first.
            return OpenIdResults.Refuse(Errors.ConsentRequired, "This application needs the resident's consent, which is not supported yet.");
        }

        var principal = AppSubject.Principal(account, town, request.GetScopes(), authTime.Value);
        var subject = account.Id.ToString();
        var applicationId = await applications.GetIdAsync(application, http.RequestAborted);
        // One permanent grant per resident and app, reused across sign-ins: revoking it ends every token issued under it.
        var authorization = await FirstAsync(authorizations.FindAsync(subject, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, principal.GetScopes(), http.RequestAborted))
            ?? await authorizations.CreateAsync(principal, subject, applicationId!, AuthorizationTypes.Permanent, principal.GetScopes(), http.RequestAborted);
        ((ClaimsIdentity)principal.Identity!).SetAuthorizationId(await authorizations.GetIdAsync(authorization, http.RequestAborted));
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary><c>prompt=login</c>, or a session older than <c>max_age</c>, asks for a fresh sign-in.</summary>
    private static bool MustSignInAgain(OpenIddictRequest request, DateTimeOffset authTime, TimeProvider clock)
    {
        if (request.HasPromptValue(PromptValues.Login))
        {
            return true;
        }
        return request.MaxAge is { } maxAge && clock.GetUtcNow() - authTime > TimeSpan.FromSeconds(maxAge);
    }

    /// <summary>
    /// Where the sign-in page sends the resident back: this request as a GET (a form post becomes
    /// a query string), without <c>prompt</c>, so the fresh sign-in is not asked for again.
    /// </summary>
    private static string ReturnUrl(HttpRequest request)
    {
        var parameters = (request.HasFormContentType ? request.Form.Select(p => (p.Key, p.Value)) : request.Query.Select(p => (p.Key, p.Value)))
            .Where(p => p.Key != Parameters.Prompt)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return request.PathBase + request.Path + QueryString.Create(parameters);
    }


    private static async Task<object?> FirstAsync(IAsyncEnumerable<object> items)
    {
        await foreach (var item in items)
        {
            return item;
        }
        return null;
    }
}
