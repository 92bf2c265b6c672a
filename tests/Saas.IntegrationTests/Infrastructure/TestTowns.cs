using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Saas.Host.Recipes;
using Saas.Kernel.Tenancy;

namespace Saas.IntegrationTests.Infrastructure;

/// <summary>Creates towns for a test through the same recipe path the demo towns use.</summary>
public static class TestTowns
{
    /// <summary>Seeds an active town <paramref name="slug"/> with the given features and news articles; returns its id.</summary>
    public static async Task<Guid> CreateAsync(
        PlatformFactory factory,
        string slug,
        string[]? features = null,
        string theme = "klassisch",
        IEnumerable<(string Slug, string Title, string Body)>? articles = null,
        string state = "active")
    {
        features ??= ["news"];
        var steps = new Dictionary<string, JsonElement>();
        if (features.Contains("news"))
        {
            var news = new
            {
                categories = new[] { new { slug = "rathaus", name = "Aus dem Rathaus" } },
                articles = (articles ?? [("willkommen", $"Willkommen in {slug}", "Erster Beitrag.")]).Select((a, i) => new
                {
                    slug = a.Slug,
                    title = a.Title,
                    category = "rathaus",
                    publishedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(1)).AddMinutes(i),
                    teaser = $"Teaser {a.Title}",
                    body = a.Body,
                    urgent = false,
                    urgentUntil = (DateTimeOffset?)null,
                }).ToArray(),
            };
            steps["news"] = JsonSerializer.SerializeToElement(news, JsonSerializerOptions.Web);
        }
        var recipe = new Recipe(
            slug, $"Test {slug}", "Gemeinde", false, state, theme, features, null,
            new RecipeBranding("#1f4e79", "#9a7b00", null),
            new RecipeSettings("Europe/Berlin", ["de", "en"], "BB"),
            new RecipeContact($"Verwaltung {slug}", "Hauptstraße 1", "14806", slug, "0000 000", $"info@{slug}.example.org", null),
            [new RecipeOpeningHours("monday", "09:00", "12:00", null)],
            new Dictionary<string, RecipePage>
            {
                ["welcome"] = new($"Willkommen in {slug}", $"Welcome text of {slug}."),
                ["impressum"] = new("Impressum", $"Impressum of {slug}."),
                ["datenschutz"] = new("Datenschutzerklärung", $"Datenschutz of {slug}."),
                ["barrierefreiheit"] = new("Erklärung zur Barrierefreiheit", $"Barrierefreiheit of {slug}."),
            },
            steps);
        var seeder = factory.Services.GetRequiredService<RecipeSeeder>();
        return await seeder.SeedAsync(new ValidatedRecipe($"test:{slug}", recipe, null), CancellationToken.None);
    }

    /// <summary>Runs <paramref name="action"/> as if inside a request of the town.</summary>
    public static async Task<T> AsTownAsync<T>(PlatformFactory factory, Guid tenantId, Func<IServiceProvider, Task<T>> action)
    {
        var snapshot = factory.Service<Saas.Host.Tenancy.TenantRegistry>().Find(tenantId) ?? throw new InvalidOperationException("unknown town");
        using var _ = AmbientTenant.Begin(snapshot);
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
