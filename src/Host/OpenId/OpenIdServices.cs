using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using Saas.Kernel.Data;
using Saas.Kernel.Privacy;
using Saas.Kernel.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Host.OpenId;

/// <summary>
/// Every town is its own OpenID provider: the issuer is the origin of the request, which is
/// always the town's primary host (other hosts of the town answer 301 before this runs), and
/// the clients, grants and tokens live in the town's own rows. See docs/adr/0007-openid-per-town.md.
/// </summary>
internal static class OpenIdServices
{
    public static IServiceCollection AddOpenId(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("OpenId").Get<OpenIdOptions>() ?? new OpenIdOptions();
        services.Configure<OpenIdOptions>(configuration.GetSection("OpenId"));
        services.AddTenantDbContext<OpenIdDbContext>();
        services.AddDbContextFactory<OpenIdKeyDbContext>((provider, o) => provider.GetRequiredService<DatabaseOptions>().Configure(o, provider));
        services.AddSingleton<OpenIdKeys>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, OpenIdKeys.Configure>();
        services.AddScoped<IPersonalDataContributor, OpenIdPersonalData>();

        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore()
                    .UseDbContext<OpenIdDbContext>()
                    .ReplaceDefaultEntities<TownApplication, TownAuthorization, TownScope, TownToken, Guid>();
                core.ReplaceAuthorizationStore<TownAuthorization, TownAuthorizationStore>(ServiceLifetime.Scoped);
                core.ReplaceTokenStore<TownToken, TownTokenStore>(ServiceLifetime.Scoped);
                // The entity cache is per node and keyed by client id, which every town shares:
                // it could hand town A's client to town B. Lookups go to the town's rows instead.
                core.DisableEntityCaching();
            })
            .AddServer(server =>
            {
                // No issuer is set: OpenIddict takes the request's origin, i.e. the town's primary origin.
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetRevocationEndpointUris("connect/revoke");
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
                server.RequireProofKeyForCodeExchange();
                server.Configure(o =>
                {
                    // S256 only: "plain" would hand the verifier to anyone who sees the authorization request.
                    o.CodeChallengeMethods.Clear();
                    o.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                });
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, OpenIdScopes.Api);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime)
                    .SetRefreshTokenReuseLeeway(options.RefreshTokenReuseLeeway);
                server.AddEventHandler(TownOnlyRequests.Handler);
                server.AddEventHandler(FirstPartyApp.EnsureBeforeValidation<OpenIddictServerEvents.ValidateAuthorizationRequestContext>.Handler);
                server.AddEventHandler(FirstPartyApp.EnsureBeforeValidation<OpenIddictServerEvents.ValidateTokenRequestContext>.Handler);
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (environment.IsDevelopment())
                {
                    // `dotnet run` serves http://{town}.localhost; production is always https behind the proxy.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                // Tokens are checked against this server's keys and the request's origin as issuer,
                // and each use looks up the token and its grant in the town's rows, so a revoked
                // grant (or a token of another town) is refused at once.
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
                validation.AddEventHandler(TownTokenCheck.Handler);
            });

        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", OpenIdOpenApi.Add);
        services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(o => o.AddPolicy(Policies.ResidentApi, policy => policy
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope(OpenIdScopes.Api))));
        return services;
    }
}
