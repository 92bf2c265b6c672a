using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Saas.Kernel.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Host.OpenId;

/// <summary>
/// The residents' mobile app: a public client (no secret, PKCE) registered in every town under
/// the same client id, which is safe because clients are stored per town. Consent is implicit:
/// it is the town's own first-party app, and the resident signs in to their own town.
/// </summary>
internal static class FirstPartyApp
{
    public const string ClientId = "rathausplatz-app";
    public const string AppRedirectUri = "de.rathausplatz.app:/oauth2redirect";
    public const string LoopbackRedirectUri = "http://127.0.0.1/callback";

    public static OpenIddictApplicationDescriptor Descriptor(OpenIdOptions options)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Native,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Rathausplatz-App",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Prefixes.Scope + OpenIdScopes.Api,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in options.AppRedirectUris.Distinct(StringComparer.Ordinal))
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }
        return descriptor;
    }

    /// <summary>
    /// Creates the app's client in the current town when it is missing, or brings it in line with
    /// the configured definition. Runs lazily on the town's authorization requests, so every town
    /// has it (demo towns, recipe towns, towns created before this existed) without a startup sweep
    /// over thousands of towns; idempotent, and a concurrent first request is harmless.
    /// </summary>
    public static async Task EnsureAsync(IOpenIddictApplicationManager applications, OpenIdDbContext db, OpenIdOptions options, CancellationToken cancellationToken)
    {
        var wanted = Descriptor(options);
        var existing = await applications.FindByClientIdAsync(ClientId, cancellationToken);
        if (existing is null)
        {
            try
            {
                await applications.CreateAsync(wanted, cancellationToken);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // Another request created it a moment ago.
                db.ChangeTracker.Clear();
            }
            return;
        }
        var current = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(current, existing, cancellationToken);
        if (!current.RedirectUris.SetEquals(wanted.RedirectUris) || !current.Permissions.SetEquals(wanted.Permissions)
            || !current.Requirements.SetEquals(wanted.Requirements) || current.ConsentType != wanted.ConsentType)
        {
            await applications.UpdateAsync(existing, wanted, cancellationToken);
        }
    }

    /// <summary>
    /// Makes sure the app exists before OpenIddict looks up the client of an authorization or token
    /// request, so a town answers the same whether or not its app was used before.
    /// </summary>
    internal sealed class EnsureBeforeValidation<TContext>(IOpenIddictApplicationManager applications, OpenIdDbContext db, IOptions<OpenIdOptions> options)
        : IOpenIddictServerHandler<TContext>
        where TContext : OpenIddictServerEvents.BaseValidatingContext
    {
        public static OpenIddictServerHandlerDescriptor Handler { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
                .UseScopedHandler<EnsureBeforeValidation<TContext>>()
                .SetOrder(int.MinValue + 1_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(TContext context)
        {
            if (context.Transaction.Request?.ClientId == ClientId)
            {
                await EnsureAsync(applications, db, options.Value, context.CancellationToken);
            }
        }
    }
}

/// <summary>The scopes the towns' provider knows besides the standard OpenID ones.</summary>
internal static class OpenIdScopes
{
    /// <summary>Calls to the town's resident API (<c>/api/v1/me</c> and module APIs for residents).</summary>
    public const string Api = "api";
}
