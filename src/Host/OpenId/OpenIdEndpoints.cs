using Saas.Kernel.Security;

namespace Saas.Host.OpenId;

/// <summary>
/// The protocol endpoints OpenIddict passes through to us, and the resident API that takes the
/// app's tokens. Discovery (<c>/.well-known/openid-configuration</c>), JWKS
/// (<c>/.well-known/jwks</c>) and revocation (<c>/connect/revoke</c>) are answered by OpenIddict itself.
/// All of them exist on town hosts only (the routing gate and <see cref="TownOnlyRequests"/>).
/// </summary>
internal static class OpenIdEndpoints
{
    public static IEndpointRouteBuilder MapOpenId(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync)
            .DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/connect/token", TokenEndpoint.HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoEndpoint.HandleAsync)
            .DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/api/v1/me", MeEndpoint.HandleAsync)
            .RequireAuthorization(Policies.ResidentApi)
            .WithName("GetMe")
            .WithTags("Account")
            .WithSummary("The resident the access token was issued to.")
            .WithDescription("Needs an access token of this town's app (authorization code flow with PKCE, scope `api`). A token of another town answers 401.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
