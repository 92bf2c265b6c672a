using System.Net;
using Npgsql;
using Saas.Host;
using Saas.Host.Recipes;
using Saas.Host.Web;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Modules;

namespace Saas.IntegrationTests.Recipes;

/// <summary>
/// A recipe is refused whole, with the file and the field in the message, and a refused recipe
/// leaves nothing behind while the other towns still come up. The broken recipes live in
/// TestRecipes/&lt;case&gt;/, each a copy of TestRecipes/valid/musterdorf with one field broken.
/// </summary>
public sealed class MalformedRecipeTests
{
    private static readonly string TestRecipes = Path.Combine(AppContext.BaseDirectory, "TestRecipes");

    /// <summary>Each broken recipe (folder below TestRecipes) and the field its refusal must name.</summary>
    public static TheoryData<string, string> BrokenRecipes => new()
    {
        { "bad-slug/kaputt-slug", "slug" },
        { "unknown-theme/kaputt-theme", "theme" },
        { "low-contrast/kaputt-kontrast", "branding.primaryColor" },
        { "missing-impressum/kaputt-impressum", "pages.impressum" },
        { "unknown-category/kaputt-kategorie", "steps.news.articles[1].category" },
        { "trailing-comma/kaputt-komma", "features" },
        { "unknown-property/kaputt-feld", "logoUrl" },
    };

    [Theory]
    [MemberData(nameof(BrokenRecipes))]
    public void Given_a_recipe_with_one_broken_field_When_read_Then_it_is_refused_naming_the_file_and_the_field(string folder, string field)
    {
        var file = Path.Combine(TestRecipes, folder, "recipe.json");

        var error = Assert.Throws<RecipeException>(() => Reader().Read(file));

        Assert.Equal(file, error.File);
        Assert.StartsWith(file + ": ", error.Message, StringComparison.Ordinal);
        // Only what follows the path counts: folder names like "unknown-theme" would otherwise match by accident.
        Assert.Contains(field, error.Message[file.Length..], StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_valid_base_recipe_When_read_Then_it_is_accepted()
    {
        // The broken recipes differ from this one in one field only, so each refusal above is about that field.
        var recipe = Reader().Read(Path.Combine(TestRecipes, "valid", "musterdorf", "recipe.json"));

        Assert.Equal("musterdorf", recipe.Recipe.Slug);
        Assert.NotNull(recipe.CoatOfArms);
    }

    [Fact]
    public async Task Given_a_folder_of_broken_recipes_and_one_valid_When_the_app_seeds_it_Then_no_broken_town_leaves_a_trace_and_the_valid_one_is_served()
    {
        var folder = Path.Combine(Path.GetTempPath(), "saas-tests", "recipes-" + Guid.NewGuid().ToString("N"));
        // Only this test's recipes: other tests may add their own cases below TestRecipes.
        foreach (var recipe in BrokenRecipes.Select(row => (string)row[0]).Append("valid/musterdorf"))
        {
            CopyFolder(Path.Combine(TestRecipes, recipe), Path.Combine(folder, recipe));
        }
        var database = await TestDatabase.CreateAsync("malformed");
        await using var factory = new PlatformFactory(new PlatformFactoryOptions { Database = database, SeedDemoTowns = true, TenantsPath = folder });
        try
        {
            var home = await factory.ClientFor("musterdorf.localhost").GetAsync("/");

            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("Willkommen in Musterdorf", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
            await owner.OpenAsync();
            var towns = await QueryAsync(owner, "SELECT slug FROM platform_tenants", r => r.GetString(0));
            Assert.Equal(new[] { "musterdorf" }, towns);
            var valid = await QueryAsync(owner, "SELECT id FROM platform_tenants WHERE slug = 'musterdorf'", r => r.GetGuid(0));
            // Every table with a tenant_id, control plane included: no row may belong to anyone but the valid town.
            var tables = await QueryAsync(owner, """
                SELECT c.table_name FROM information_schema.columns c
                WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' ORDER BY 1
                """, r => r.GetString(0));
            Assert.Contains("core_pages", tables);
            Assert.Contains("news_articles", tables);
            foreach (var table in tables)
            {
                var strangers = await QueryAsync(owner, $"SELECT count(*) FROM {table} WHERE tenant_id <> @valid", r => r.GetInt64(0), valid[0]);
                Assert.True(strangers[0] == 0, $"{table} holds {strangers[0]} rows of a refused town");
            }
            Assert.Equal(new[] { 4L }, await QueryAsync(owner, "SELECT count(*) FROM core_pages", r => r.GetInt64(0)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static RecipeReader Reader() =>
        new(new ThemeCatalog(ContentPaths.Find(null, AppContext.BaseDirectory, "themes")), ModuleCatalog.All);

    internal static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, Guid? parameter = null)
    {
#pragma warning disable CA2100 // table names come from the catalog, values are parameters
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        if (parameter is { } value)
        {
            command.Parameters.AddWithValue("valid", value);
        }
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
