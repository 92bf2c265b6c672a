using OpenIddict.Abstractions;
using OpenIddict.Validation;
using Saas.Host.Accounts;
using Saas.Kernel.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Host.OpenId;

/// <summary>
/// Runs after OpenIddict validated an access token (signature, expiry, issuer = this town's origin,
/// token and grant still valid in this town's tables) and adds the town's own checks: the token
/// names this town and its audience, and the account it speaks for is unchanged since it was
/// issued. A failure answers 401 like any other bad token.
/// </summary>
internal sealed class TownTokenCheck(ITenantContext tenant, AccountsDbContext accounts)
    : IOpenIddictValidationHandler<OpenIddictValidationEvents.ProcessAuthenticationContext>
{
    public static OpenIddictValidationHandlerDescriptor Handler { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<OpenIddictValidationEvents.ProcessAuthenticationContext>()
            .UseScopedHandler<TownTokenCheck>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 1_000)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictValidationEvents.ProcessAuthenticationContext context)
    {
        if (context.AccessTokenPrincipal is not { } principal)
        {
            return;
        }
        if (tenant.Current is not { } town || !principal.HasAudience(AppSubject.Audience(town)))
        {
            context.Reject(Errors.InvalidToken, "The token was not issued for this town.");
            return;
        }
        if (await AppSubject.CurrentAccountAsync(principal, town, accounts, context.CancellationToken) is null)
        {
            context.Reject(Errors.InvalidToken, "The token's account has changed or no longer exists.");
        }
    }
}
