using Microsoft.AspNetCore.Routing.Matching;
using Saas.Kernel.Modules;

namespace Saas.Host.Tenancy;

/// <summary>
/// Makes routing itself tenant-aware: an endpoint of a module whose feature the town has not
/// enabled, or of the other site (platform vs. town), is not a candidate at all. The request
/// then ends exactly like a request for a path that does not exist: 404, nothing of the module
/// runs, nothing of it is revealed.
/// </summary>
internal sealed class SiteEndpointPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    // Before the HTTP-method policy, so a gated endpoint never produces a 405 that would reveal it.
    public override int Order => -1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Count > 0;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var site = httpContext.Features.Get<SiteFeature>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && !IsAvailable(candidates[i].Endpoint, site))
            {
                candidates.SetValidity(i, false);
            }
        }
        return Task.CompletedTask;
    }

    internal static bool IsAvailable(Endpoint endpoint, SiteFeature? site)
    {
        var endpointSite = endpoint.Metadata.GetMetadata<SiteAttribute>()?.Site ?? Site.Town;
        if (endpointSite == Site.Any)
        {
            return true;
        }
        if (site is null)
        {
            return false;
        }
        if (endpointSite == Site.Platform)
        {
            return site.Kind == HostMatchKind.Platform;
        }
        if (site.Tenant is not { } tenant)
        {
            return false;
        }
        var feature = endpoint.Metadata.GetMetadata<RequiresFeatureAttribute>();
        return feature is null || tenant.HasFeature(feature.FeatureKey);
    }
}
