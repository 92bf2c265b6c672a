using System.Collections.Frozen;

namespace Saas.Kernel.Tenancy;

/// <summary>
/// An immutable, cached view of one town from the registry. A new snapshot (with a higher
/// <see cref="Version"/>) replaces it whenever anything about the town changes.
/// </summary>
public sealed record TenantSnapshot(
    Guid Id,
    string Slug,
    string Name,
    string Kind,
    TenantState State,
    long Version,
    bool IsDemo,
    string Theme,
    BrandTokens Branding,
    TenantSettings Settings,
    TenantContact Contact,
    FrozenSet<string> Features,
    string PrimaryHost)
{
    /// <summary>Display name with its kind, e.g. "Stadt Bad Belzig".</summary>
    public string FullName => string.IsNullOrEmpty(Kind) ? Name : $"{Kind} {Name}";

    public bool HasFeature(string featureKey) => Features.Contains(featureKey);
}

/// <summary>Brand tokens a town sets on top of its theme; colours are contrast-checked before they are stored.</summary>
public sealed record BrandTokens(string PrimaryColor, string SecondaryColor, bool HasCoatOfArms, bool HasLogo = false);

/// <summary>Regional settings of a town.</summary>
public sealed record TenantSettings(string TimeZone, IReadOnlyList<string> Cultures, string? FederalState);

/// <summary>The town hall's public contact details, shown in the footer and on the contact page.</summary>
public sealed record TenantContact(
    string Authority,
    string Street,
    string PostalCode,
    string City,
    string? Phone,
    string? Email,
    string? AccessibilityContactEmail);
