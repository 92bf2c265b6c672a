namespace Saas.Kernel.Modules;

/// <summary>
/// Endpoint metadata: the endpoint exists only for towns that have the feature enabled.
/// The host adds it to every page and endpoint of a module; routing then treats the endpoint
/// as absent (404) for towns without the feature.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresFeatureAttribute(string featureKey) : Attribute
{
    public string FeatureKey { get; } = featureKey;
}

/// <summary>Which site an endpoint belongs to: a town's portal or the platform's own site.</summary>
public enum Site
{
    Town,
    Platform,
    /// <summary>Answers on every host (health, TLS ask); never reads tenant data.</summary>
    Any,
}

/// <summary>Endpoint metadata naming the <see cref="Site"/>; endpoints without it belong to towns.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class SiteAttribute(Site site) : Attribute
{
    public Site Site { get; } = site;
}
