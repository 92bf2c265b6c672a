namespace Saas.Kernel.Modules;

/// <summary>
/// A block a module contributes to the town's home page (a view component), shown only when
/// the town has the feature. Lets the core home page show news without referencing News.
/// </summary>
public sealed record HomeSection(string FeatureKey, string ViewComponent, HomeSlot Slot, int Order);

public enum HomeSlot
{
    /// <summary>Above the welcome text, for urgent notices.</summary>
    Top,
    /// <summary>In the main grid.</summary>
    Main,
}
