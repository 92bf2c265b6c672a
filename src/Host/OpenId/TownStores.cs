using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore;

namespace Saas.Host.OpenId;

// OpenIddict's EF Core stores attach a grant or token to its client (or a token to its grant)
// with DbSet.FindAsync(id), which needs the whole key, (tenant_id, id) here. These stores look
// the row up by id through the town's query filter instead: the same row, and never another
// town's, since the filter (and RLS below it) only sees the current town.

/// <summary>OpenIddict's authorization store for the town's tables.</summary>
internal sealed class TownAuthorizationStore(
    IMemoryCache cache, IOpenIddictEntityFrameworkCoreContext context, IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options, OpenIdDbContext db)
    : OpenIddictEntityFrameworkCoreAuthorizationStore<TownAuthorization, TownApplication, TownToken, Guid>(cache, context, options)
{
    public override async ValueTask SetApplicationIdAsync(TownAuthorization authorization, string? identifier, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            await base.SetApplicationIdAsync(authorization, identifier, cancellationToken);
            return;
        }
        authorization.Application = await TownStores.ApplicationAsync(db, ConvertIdentifierFromString(identifier), cancellationToken);
    }
}

/// <summary>OpenIddict's token store for the town's tables.</summary>
internal sealed class TownTokenStore(
    IMemoryCache cache, IOpenIddictEntityFrameworkCoreContext context, IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options, OpenIdDbContext db)
    : OpenIddictEntityFrameworkCoreTokenStore<TownToken, TownApplication, TownAuthorization, Guid>(cache, context, options)
{
    public override async ValueTask SetApplicationIdAsync(TownToken token, string? identifier, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            await base.SetApplicationIdAsync(token, identifier, cancellationToken);
            return;
        }
        token.Application = await TownStores.ApplicationAsync(db, ConvertIdentifierFromString(identifier), cancellationToken);
    }

    public override async ValueTask SetAuthorizationIdAsync(TownToken token, string? identifier, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            await base.SetAuthorizationIdAsync(token, identifier, cancellationToken);
            return;
        }
        var id = ConvertIdentifierFromString(identifier);
        token.Authorization = await db.Authorizations.AsTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new InvalidOperationException("The authorization does not exist in this town.");
    }
}

internal static class TownStores
{
    public static async Task<TownApplication> ApplicationAsync(OpenIdDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Applications.AsTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new InvalidOperationException("The client does not exist in this town.");
}
