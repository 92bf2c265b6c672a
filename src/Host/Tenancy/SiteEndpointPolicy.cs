using Microsoft.AspNetCore.Routing.Matching;
using Saas.Kernel.Modules;

namespace Saas.Host.Tenancy;

/// <summary>
/// Makes routing itself tenant-aware: an endpoint of a module whose feature the town has not
/// enabled, or of the other site (platform vs. town), is not a candidate at all. The request
/// then ends exactly like a request for a path that does not exist: 404, nothing of the module
/// runs, nothing of it is revealed.
/// </summary>
/// <remarks>
/// The HTTP-method policy decides in the routing tree (DFA) itself and turns "path exists, method
/// does not" into a 405 endpoint before any selector policy runs; filtering only as a selector
/// policy would let <c>POST /api/v1/news</c> answer 405 for a town without news, revealing the
/// endpoint. So this policy also branches the tree, ahead of the method policy: under each branch
/// only the endpoints available to the request are left, and the method policy never sees the rest.
/// The selector half stays for dynamic endpoints and as a second check.
/// </remarks>
internal sealed class SiteEndpointPolicy : MatcherPolicy, IEndpointSelectorPolicy, INodeBuilderPolicy
{
    // The tree can hold every combination of gates at one node; beyond this it falls back to selecting.
    private const int MaxGatesPerNode = 8;

    // Before the HTTP-method policy (-1000), so a gated endpoint never produces a 405 that would reveal it.
    public override int Order => -1100;

    bool IEndpointSelectorPolicy.AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Count > 0;

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

    bool INodeBuilderPolicy.AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        !ContainsDynamicEndpoints(endpoints) && Gates(endpoints).Count is > 0 and <= MaxGatesPerNode;

    public IReadOnlyList<PolicyNodeEdge> GetEdges(IReadOnlyList<Endpoint> endpoints)
    {
        var gates = Gates(endpoints);
        var edges = new List<PolicyNodeEdge>();
        for (var mask = 0; mask < 1 << gates.Count; mask++)
        {
            var open = endpoints.Where(e => Gate.Of(e) is not { } gate || (mask & (1 << gates.IndexOf(gate))) != 0).ToList();
            if (open.Count > 0)
            {
                edges.Add(new PolicyNodeEdge(new GateMask(mask, gates), open));
            }
        }
        return edges;
    }

    public PolicyJumpTable BuildJumpTable(int exitDestination, IReadOnlyList<PolicyJumpTableEdge> edges)
    {
        var gates = edges.Count == 0 ? [] : ((GateMask)edges[0].State).Gates;
        var destinations = Enumerable.Repeat(exitDestination, 1 << gates.Count).ToArray();
        foreach (var edge in edges)
        {
            destinations[((GateMask)edge.State).Mask] = edge.Destination;
        }
        return new GateJumpTable(gates, destinations);
    }

    internal static bool IsAvailable(Endpoint endpoint, SiteFeature? site) => Gate.Of(endpoint)?.IsOpen(site) ?? true;

    /// <summary>The distinct gates of the endpoints at one node of the tree (endpoints for any site have none).</summary>
    private static List<Gate> Gates(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Select(Gate.Of).OfType<Gate>().Distinct().OrderBy(g => g.Site).ThenBy(g => g.FeatureKey, StringComparer.Ordinal).ToList();

    /// <summary>What an endpoint requires of a request: its site and, for a town, possibly a feature.</summary>
    private sealed record Gate(Site Site, string? FeatureKey)
    {
        public static Gate? Of(Endpoint endpoint)
        {
            var site = endpoint.Metadata.GetMetadata<SiteAttribute>()?.Site ?? Site.Town;
            return site == Site.Any
                ? null
                : new Gate(site, site == Site.Town ? endpoint.Metadata.GetMetadata<RequiresFeatureAttribute>()?.FeatureKey : null);
        }

        public bool IsOpen(SiteFeature? site)
        {
            if (site is null)
            {
                return false;
            }
            if (Site == Site.Platform)
            {
                return site.Kind == HostMatchKind.Platform;
            }
            return site.Tenant is { } tenant && (FeatureKey is null || tenant.HasFeature(FeatureKey));
        }
    }

    /// <summary>An edge of the tree: which of the node's gates are open (bit i = gate i).</summary>
    private sealed class GateMask(int mask, List<Gate> gates) : IEquatable<GateMask>
    {
        public int Mask { get; } = mask;
        public List<Gate> Gates { get; } = gates;

        public bool Equals(GateMask? other) => other is not null && other.Mask == Mask && other.Gates.SequenceEqual(Gates);

        public override bool Equals(object? obj) => Equals(obj as GateMask);

        public override int GetHashCode() => HashCode.Combine(Mask, Gates.Count);
    }

    private sealed class GateJumpTable(List<Gate> gates, int[] destinations) : PolicyJumpTable
    {
        public override int GetDestination(HttpContext httpContext)
        {
            var site = httpContext.Features.Get<SiteFeature>();
            var mask = 0;
            for (var i = 0; i < gates.Count; i++)
            {
                if (gates[i].IsOpen(site))
                {
                    mask |= 1 << i;
                }
            }
            return destinations[mask];
        }
    }
}
