using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Saas.Host.Tenancy;
using Saas.Host.Web;
using Saas.Kernel.Branding;
using Saas.Kernel.Modules;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Recipes;

/// <summary>
/// Reads and checks a recipe completely before anything is stored, so a malformed recipe is
/// refused with a message naming the file and the field, and no town is ever half-seeded.
/// </summary>
internal sealed partial class RecipeReader(ThemeCatalog themes, IEnumerable<IModule> modules)
{
    public const int MaxCoatOfArmsBytes = 64 * 1024;

    /// <summary>Page keys every town must have: the welcome text and the legally required pages.</summary>
    public static readonly IReadOnlyList<string> RequiredPages = ["welcome", "impressum", "datenschutz", "barrierefreiheit"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public ValidatedRecipe Read(string file)
    {
        Recipe? recipe;
        try
        {
            recipe = JsonSerializer.Deserialize<Recipe>(File.ReadAllText(file, Encoding.UTF8), Json);
        }
        catch (JsonException ex)
        {
            throw new RecipeException(file, ex.Path ?? "$", $"not valid recipe JSON: {FirstLine(ex.Message)}");
        }
        if (recipe is null)
        {
            throw new RecipeException(file, "$", "the file is empty");
        }
        Validate(file, recipe);
        var arms = ReadCoatOfArms(file, recipe.Branding.CoatOfArms);
        return new ValidatedRecipe(file, recipe, arms);
    }

    private void Validate(string file, Recipe r)
    {
        void Require(bool ok, string field, string problem)
        {
            if (!ok)
            {
                throw new RecipeException(file, field, problem);
            }
        }

        Require(r.Slug is not null && Slug().IsMatch(r.Slug), "slug", "must be 3-40 characters of a-z, 0-9 and '-'");
        Require(!string.IsNullOrWhiteSpace(r.Name) && r.Name.Length <= 120, "name", "is required (at most 120 characters)");
        Require(r.Kind is not null && r.Kind.Length <= 30, "kind", "is required (e.g. Stadt, Gemeinde)");
        Require(Enum.TryParse<TenantState>(r.State, ignoreCase: true, out _) && r.State == r.State?.ToLowerInvariant(), "state", "must be one of provisioning, active, suspended, disabled, archived");
        Require(r.Theme is not null && themes.Exists(r.Theme), "theme", $"unknown theme '{r.Theme}' (known: {string.Join(", ", themes.All.Select(t => t.Id))})");
        Require(r.Features is not null, "features", "is required (a list of feature keys)");
        foreach (var (feature, i) in r.Features!.Select((f, i) => (f, i)))
        {
            Require(modules.Any(m => m.FeatureKey == feature), $"features[{i}]", $"unknown feature '{feature}'");
        }
        Require(r.Branding is not null, "branding", "is required");
        foreach (var problem in BrandValidator.Check(r.Branding!.PrimaryColor, r.Branding.SecondaryColor))
        {
            Require(false, $"branding.{problem.Field}", problem.Ratio is null
                ? "must be a colour like #1f4e79"
                : $"contrast against white is {problem.Ratio}:1, at least {problem.Required}:1 is required");
        }
        Require(r.Settings is not null && IsTimeZone(r.Settings.TimeZone), "settings.timeZone", "must be an IANA time zone such as Europe/Berlin");
        Require(r.Settings!.Cultures is { Count: > 0 } && r.Settings.Cultures.All(c => c is "de" or "en"), "settings.cultures", "must list de and/or en");
        Require(r.Contact is not null, "contact", "is required");
        Require(!string.IsNullOrWhiteSpace(r.Contact!.Authority), "contact.authority", "is required");
        Require(!string.IsNullOrWhiteSpace(r.Contact.Street), "contact.street", "is required");
        Require(r.Contact.PostalCode is not null && PostalCode().IsMatch(r.Contact.PostalCode), "contact.postalCode", "must be five digits");
        Require(!string.IsNullOrWhiteSpace(r.Contact.City), "contact.city", "is required");
        Require(r.OpeningHours is not null, "openingHours", "is required (may be empty)");
        foreach (var (hours, i) in r.OpeningHours!.Select((h, i) => (h, i)))
        {
            Require(Days.ContainsKey(hours.Day ?? ""), $"openingHours[{i}].day", "must be monday..sunday");
            Require(IsTime(hours.Opens) && IsTime(hours.Closes) && string.CompareOrdinal(hours.Opens, hours.Closes) < 0,
                $"openingHours[{i}]", "opens and closes must be HH:mm with opens before closes");
        }
        Require(r.Pages is not null, "pages", "is required");
        foreach (var key in RequiredPages)
        {
            Require(r.Pages!.TryGetValue(key, out var page) && !string.IsNullOrWhiteSpace(page.Title) && !string.IsNullOrWhiteSpace(page.Body),
                $"pages.{key}", "is required with a title and a body");
        }
        foreach (var (domain, i) in (r.Domains ?? []).Select((d, i) => (d, i)))
        {
            Require(HostNormalizer.Normalize(domain.Host) == domain.Host, $"domains[{i}].host", "must be a lower-case host name");
            Require(domain.Kind is "custom" or "secondary", $"domains[{i}].kind", "must be custom or secondary");
        }
        foreach (var (member, i) in (r.Staff ?? []).Select((m, i) => (m, i)))
        {
            Require(member.Email is { Length: <= 254 } email && EmailAddress().IsMatch(email), $"staff[{i}].email", "must be an e-mail address");
            Require(!string.IsNullOrWhiteSpace(member.Name) && member.Name.Length <= 120, $"staff[{i}].name", "is required (at most 120 characters)");
            Require(Kernel.Security.Roles.IsStaff(member.Role), $"staff[{i}].role", "must be Editor or TenantAdmin");
        }
        foreach (var (key, step) in r.Steps ?? new Dictionary<string, JsonElement>())
        {
            var module = modules.FirstOrDefault(m => m.FeatureKey == key);
            Require(module?.RecipeStep is not null, $"steps.{key}", "no module with this feature key takes a recipe step");
            module!.RecipeStep!.Validate(step, new RecipeValidationContext(file, $"steps.{key}"));
        }
    }

    private static byte[]? ReadCoatOfArms(string file, string? name)
    {
        if (name is null)
        {
            return null;
        }
        var folder = Path.GetDirectoryName(file)!;
        var path = Path.GetFullPath(Path.Combine(folder, name));
        if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            throw new RecipeException(file, "branding.coatOfArms", $"'{name}' is not a file next to the recipe");
        }
        var bytes = File.ReadAllBytes(path);
        var problem = SvgCheck.Problem(bytes, MaxCoatOfArmsBytes);
        return problem is null ? bytes : throw new RecipeException(file, "branding.coatOfArms", problem);
    }

    internal static readonly IReadOnlyDictionary<string, DayOfWeek> Days = new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
    };

    private static bool IsTime(string? value) =>
        value is { Length: 5 } && TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsTimeZone(string? id) => id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")]
    private static partial Regex EmailAddress();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex PostalCode();
}
