using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Saas.Host.Tenancy;

namespace Saas.Host.Web;

/// <summary>
/// Caches anonymous GET responses of a town per host and language, tagged with the town, so a
/// change to the town evicts exactly its pages on every node. Responses that set a cookie or are
/// not 200 are never stored. Sixty seconds bound how late scheduled content can appear.
/// </summary>
internal sealed class TownPageCachePolicy : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var tenant = http.Features.Get<SiteFeature>()?.Tenant;
        var cacheable = tenant is not null
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.User.Identity?.IsAuthenticated != true
            // Staff (and support access) see town pages with their banner and tools: never from or into the cache.
            && !http.Request.Cookies.ContainsKey(Accounts.AccountSchemes.Cookies.Staff)
            && !http.Request.Headers.ContainsKey("Authorization");
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (cacheable)
        {
            context.Tags.Add(CacheTags.Tenant(tenant!.Id));
            context.CacheVaryByRules.VaryByHost = true;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            // The town's version is part of the key: a request that resolved the town just before a
            // change and reaches the cache just after the eviction stores its page under the old
            // version, where no later request looks; it cannot bring the old page back for 60 s.
            context.CacheVaryByRules.VaryByValues["version"] = tenant.Version.ToString(CultureInfo.InvariantCulture);
            context.ResponseExpirationTimeSpan = Lifetime;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
