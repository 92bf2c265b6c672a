using System.Text.Json;

namespace Saas.Host.Recipes;

/// <summary>A town described as data (<c>tenants/&lt;slug&gt;/recipe.json</c>); see tenants/README.md.</summary>
internal sealed record Recipe(
    string Slug,
    string Name,
    string Kind,
    bool Demo,
    string State,
    string Theme,
    IReadOnlyList<string> Features,
    IReadOnlyList<RecipeDomain>? Domains,
    RecipeBranding Branding,
    RecipeSettings Settings,
    RecipeContact Contact,
    IReadOnlyList<RecipeOpeningHours> OpeningHours,
    IReadOnlyDictionary<string, RecipePage> Pages,
    IReadOnlyDictionary<string, JsonElement>? Steps,
    IReadOnlyList<RecipeStaff>? Staff = null);

internal sealed record RecipeDomain(string Host, string Kind, bool Verified);

internal sealed record RecipeBranding(string PrimaryColor, string SecondaryColor, string? CoatOfArms);

internal sealed record RecipeSettings(string TimeZone, IReadOnlyList<string> Cultures, string? FederalState);

internal sealed record RecipeContact(
    string Authority,
    string Street,
    string PostalCode,
    string City,
    string? Phone,
    string? Email,
    string? AccessibilityContactEmail);

internal sealed record RecipeOpeningHours(string Day, string Opens, string Closes, string? Note);

internal sealed record RecipePage(string Title, string Body);

/// <summary>A staff account to create for the town (demo towns: one TenantAdmin); the password comes from configuration.</summary>
internal sealed record RecipeStaff(string Email, string Name, string Role);

/// <summary>A parsed, fully validated recipe with the files it refers to already read.</summary>
internal sealed record ValidatedRecipe(string File, Recipe Recipe, byte[]? CoatOfArms);
