using System.Text.Json.Nodes;
using Saas.Host;
using Saas.Host.Recipes;
using Saas.Host.Web;
using Saas.Kernel.Modules;
using Saas.UnitTests.Support;

namespace Saas.UnitTests.Recipes;

/// <summary>Recipes are read and checked completely before anything is stored; no database is involved.</summary>
public sealed class RecipeValidationTests : IDisposable
{
    private static readonly ThemeCatalog Themes = new(RepoPaths.Themes);
    private static readonly RecipeReader Reader = new(Themes, ModuleCatalog.All);

    private readonly string _scratch = Directory.CreateTempSubdirectory("saas-recipe-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    public static TheoryData<string> DemoTowns() => [.. RepoPaths.DemoTownFolders.Select(f => Path.GetFileName(f))];

    [Fact]
    public void There_are_three_demo_towns_in_three_themes()
    {
        Assert.True(DemoTowns().Count >= 3);
        var themes = RepoPaths.DemoTownFolders.Select(f => Reader.Read(Path.Combine(f, "recipe.json")).Recipe.Theme).Distinct().ToList();
        Assert.True(themes.Count >= 3, "demo towns use " + string.Join(", ", themes));
        Assert.True(Themes.All.Count >= 3);
    }

    [Theory]
    [MemberData(nameof(DemoTowns))]
    public void A_demo_town_recipe_is_valid(string town)
    {
        var validated = Reader.Read(Path.Combine(RepoPaths.Tenants, town, "recipe.json"));

        Assert.Equal(town, validated.Recipe.Slug); // tenants/README.md: the folder name is the slug
        Assert.NotNull(validated.CoatOfArms);
        Assert.All(RecipeReader.RequiredPages, key => Assert.True(validated.Recipe.Pages.ContainsKey(key), key));
        Assert.All(validated.Recipe.Steps?.Keys ?? [], key => Assert.Contains(key, validated.Recipe.Features));
    }

    /// <summary>Copies a demo town into a scratch folder, changes its recipe, and reads it.</summary>
    private ValidatedRecipe ReadChanged(Action<JsonObject> change, string town = "bad-belzig")
    {
        var folder = Directory.CreateDirectory(Path.Combine(_scratch, town)).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Tenants, town)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "recipe.json")))!.AsObject();
        change(recipe);
        var path = Path.Combine(folder, "recipe.json");
        File.WriteAllText(path, recipe.ToJsonString());
        return Reader.Read(path);
    }

    private void AssertRefused(string field, Action<JsonObject> change)
    {
        var refused = Assert.Throws<RecipeException>(() => ReadChanged(change));
        Assert.Equal(field, refused.Field);
        Assert.StartsWith(Path.Combine(_scratch, "bad-belzig", "recipe.json") + ": " + field + ": ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_copy_is_accepted() => Assert.Equal("bad-belzig", ReadChanged(_ => { }).Recipe.Slug);

    [Fact]
    public void A_low_contrast_colour_is_refused_naming_the_field() =>
        AssertRefused("branding.secondaryColor", r => r["branding"]!["secondaryColor"] = "#e0b422");

    [Fact]
    public void A_malformed_colour_is_refused_naming_the_field() =>
        AssertRefused("branding.primaryColor", r => r["branding"]!["primaryColor"] = "blue");

    [Fact]
    public void An_unknown_feature_is_refused() =>
        AssertRefused("features[0]", r => r["features"]!.AsArray().Insert(0, "teleporter"));

    [Fact]
    public void An_unknown_theme_is_refused() => AssertRefused("theme", r => r["theme"] = "neon");

    [Fact]
    public void An_unknown_state_is_refused() => AssertRefused("state", r => r["state"] = "Active");

    [Fact]
    public void A_bad_slug_is_refused() => AssertRefused("slug", r => r["slug"] = "Bad Belzig");

    [Fact]
    public void A_missing_legal_page_is_refused() => AssertRefused("pages.impressum", r => r["pages"]!.AsObject().Remove("impressum"));

    [Fact]
    public void A_host_that_is_not_normalized_is_refused() =>
        AssertRefused("domains[0].host", r => r["domains"]![0]!["host"] = "WWW.Bad-Belzig.example");

    [Fact]
    public void A_domain_kind_other_than_custom_or_secondary_is_refused() =>
        AssertRefused("domains[0].kind", r => r["domains"]![0]!["kind"] = "platform");

    [Fact]
    public void Opening_hours_that_close_before_they_open_are_refused() =>
        AssertRefused("openingHours[0]", r => r["openingHours"]![0]!["closes"] = "08:00");

    [Fact]
    public void A_misspelt_property_is_refused_instead_of_ignored()
    {
        var refused = Assert.Throws<RecipeException>(() => ReadChanged(r => r["branding"]!["primaryColour"] = "#1f4e79"));

        Assert.Contains("primaryColour", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coat_of_arms_outside_the_town_folder_is_refused()
    {
        File.WriteAllText(Path.Combine(_scratch, "outside.svg"), File.ReadAllText(Path.Combine(RepoPaths.Tenants, "bad-belzig", "wappen.svg")));

        AssertRefused("branding.coatOfArms", r => r["branding"]!["coatOfArms"] = "../outside.svg");
    }

    [Fact]
    public void A_coat_of_arms_with_a_script_is_refused()
    {
        AssertRefused("branding.coatOfArms", r =>
        {
            r["branding"]!["coatOfArms"] = "evil.svg";
            File.WriteAllText(Path.Combine(_scratch, "bad-belzig", "evil.svg"),
                """<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>""");
        });
    }

    [Fact]
    public void A_step_for_a_feature_without_a_recipe_step_is_refused() =>
        AssertRefused("steps.teleporter", r => r["steps"]!["teleporter"] = new JsonObject());

    [Fact]
    public void A_malformed_module_step_is_refused_by_the_module_naming_its_path()
    {
        var refused = Assert.Throws<RecipeException>(() => ReadChanged(r => r["steps"]!["news"]!["articles"]![0]!["publishedAt"] = "gestern"));

        Assert.StartsWith("steps.news", refused.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_JSON_is_refused_with_its_position()
    {
        var path = Path.Combine(_scratch, "broken.json");
        File.WriteAllText(path, """{ "slug": "x", }""");

        var refused = Assert.Throws<RecipeException>(() => Reader.Read(path));

        Assert.Contains("not valid recipe JSON", refused.Message, StringComparison.Ordinal);
    }
}
