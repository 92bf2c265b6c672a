using OpenIddict.Server;

namespace Saas.Host.OpenId;

/// <summary>
/// Only towns are OpenID providers: on the platform host (and on the host-independent health
/// paths) OpenIddict steps aside, so discovery, JWKS and every protocol endpoint answer 404 there
/// like any unknown path. Unknown hosts never get this far (the neutral 404 page).
/// </summary>
internal sealed class TownOnlyRequests(Saas.Kernel.Tenancy.ITenantContext tenant)
    : IOpenIddictServerHandler<OpenIddictServerEvents.ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Handler { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ProcessRequestContext>()
            .UseSingletonHandler<TownOnlyRequests>()
            .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ProcessRequestContext context)
    {
        if (tenant.Current is null)
        {
            context.SkipRequest();
        }
        return ValueTask.CompletedTask;
    }
}
