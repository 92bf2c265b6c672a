using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using Saas.Host.Accounts;
using Saas.Kernel.Localization;
using Saas.Kernel.Tenancy;

namespace Saas.Host.OpenId;

/// <summary>The signed-in resident, as the town's app shows them.</summary>
/// <param name="Id">The account's id in this town.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">E-mail address (also the sign-in name).</param>
/// <param name="EmailConfirmed">Whether the address was confirmed through the link sent to it.</param>
/// <param name="PreferredLanguage"><c>de</c> or <c>en</c>.</param>
internal sealed record MeResponse(Guid Id, string Name, string Email, bool EmailConfirmed, string PreferredLanguage);

/// <summary><c>GET /api/v1/me</c> with an access token of this town's app.</summary>
internal static class MeEndpoint
{
    public static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> HandleAsync(
        ClaimsPrincipal user, ITenantContext tenant, AccountsDbContext accounts, CancellationToken cancellationToken)
    {
        // The token check already refused tokens of other towns and of changed accounts; this
        // reads the current details (a rename shows at once, not at the next refresh).
        var account = await AppSubject.CurrentAccountAsync(user, tenant.Current!, accounts, cancellationToken);
        if (account is null)
        {
            return TypedResults.Unauthorized();
        }
        var language = account.PreferredCulture is { } culture && Texts.SupportedCultures.Contains(culture) ? culture : Texts.German;
        return TypedResults.Ok(new MeResponse(account.Id, account.DisplayName, account.Email, account.EmailConfirmed, language));
    }
}
