using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Saas.Kernel.Security;

namespace Saas.Host.OpenId;

/// <summary>
/// Describes the town's OpenID provider in the OpenAPI document: an OAuth 2.0 authorization code
/// flow (PKCE required) on the town's own host, required by every operation that takes the app's tokens.
/// </summary>
internal static class OpenIdOpenApi
{
    public const string SchemeName = "townApp";

    public static void Add(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "The town's own OpenID provider (discovery: /.well-known/openid-configuration on the town's host). "
                    + "Public client `rathausplatz-app`, authorization code flow with PKCE (S256); tokens of one town are refused by every other.",
                Flows = new OpenApiOAuthFlows
                {
                    AuthorizationCode = new OpenApiOAuthFlow
                    {
                        AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        RefreshUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = new Dictionary<string, string>
                        {
                            ["openid"] = "Sign-in (OpenID Connect)",
                            ["profile"] = "Name and language",
                            ["email"] = "E-mail address",
                            ["offline_access"] = "Refresh tokens",
                            [OpenIdScopes.Api] = "The town's resident API",
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy);
            if (policies.Contains(Policies.ResidentApi))
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [OpenIdScopes.Api],
                });
            }
            return Task.CompletedTask;
        });
    }
}
