using OpenIddict.EntityFrameworkCore.Models;
using Saas.Kernel.Data;

namespace Saas.Host.OpenId;

// OpenIddict's entities, owned by one town each. Ids are set on creation (UUIDv7, like every other
// id of the product); tenant_id is stamped by TenantDbContext when the row is added.

/// <summary>A client of the town's OpenID provider, e.g. the residents' app.</summary>
internal sealed class TownApplication : OpenIddictEntityFrameworkCoreApplication<Guid, TownAuthorization, TownToken>, ITenantOwned
{
    public TownApplication() => Id = Guid.CreateVersion7();

    public Guid TenantId { get; set; }
}

/// <summary>A resident's grant to a client (consent is implicit for the town's own app, but the grant is still recorded so it can be revoked).</summary>
internal sealed class TownAuthorization : OpenIddictEntityFrameworkCoreAuthorization<Guid, TownApplication, TownToken>, ITenantOwned
{
    public TownAuthorization() => Id = Guid.CreateVersion7();

    public Guid TenantId { get; set; }
}

/// <summary>A scope stored per town (the standard scopes are registered in code; the table stays empty unless a town defines its own).</summary>
internal sealed class TownScope : OpenIddictEntityFrameworkCoreScope<Guid>, ITenantOwned
{
    public TownScope() => Id = Guid.CreateVersion7();

    public Guid TenantId { get; set; }
}

/// <summary>An issued authorization code, access or refresh token: its status makes revocation and replay detection possible.</summary>
internal sealed class TownToken : OpenIddictEntityFrameworkCoreToken<Guid, TownApplication, TownAuthorization>, ITenantOwned
{
    public TownToken() => Id = Guid.CreateVersion7();

    public Guid TenantId { get; set; }
}
