using System.Text.Json;
using Saas.IntegrationTests.Infrastructure;
using Saas.Modules.WasteCalendar.Recipe;

namespace Saas.IntegrationTests.WasteCalendar;

/// <summary>Creates a town with the waste calendar and seeds it through the module's own recipe step.</summary>
internal static class WasteTowns
{
    public static async Task<Guid> CreateAsync(PlatformFactory factory, string slug, string[]? features = null, string theme = "klassisch")
    {
        var town = await TestTowns.CreateAsync(factory, slug, features: features ?? ["news", "waste-calendar"], theme: theme);
        await SeedAsync(factory, town, slug);
        return town;
    }

    /// <summary>
    /// Two areas: "Nord" (Mühlenweg, Schulstraße, Hauptstraße 1-20 in {slug}; Dorfstraße in Reetz) and
    /// "Süd" (Hauptstraße from 21; Dorfstraße in Medewitz). Restmüll in Nord every two weeks from
    /// 5 January 2027, Papier on 12 January and 9 February 2027, one Restmüll in Süd on 6 January 2027.
    /// </summary>
    public static async Task SeedAsync(PlatformFactory factory, Guid town, string slug)
    {
        var step = JsonSerializer.SerializeToElement(new
        {
            areas = new object[]
            {
                new
                {
                    name = $"Nord {slug}",
                    streets = new object[]
                    {
                        new { village = slug, street = "Mühlenweg" },
                        new { village = slug, street = "Schulstraße" },
                        new { village = slug, street = "Hauptstraße", from = 1, to = 20 },
                        new { village = "Reetz", street = "Dorfstraße" },
                    },
                    series = new[] { new { type = "Restmüll", first = "2027-01-05", everyWeeks = 2, until = "2027-03-02" } },
                    dates = new[] { new { type = "Papier", date = "2027-01-12" }, new { type = "Papier", date = "2027-02-09" } },
                },
                new
                {
                    name = $"Süd {slug}",
                    streets = new object[]
                    {
                        new { village = slug, street = "Hauptstraße", from = 21 },
                        new { village = "Medewitz", street = "Dorfstraße" },
                    },
                    series = Array.Empty<object>(),
                    dates = new[] { new { type = "Restmüll", date = "2027-01-06" } },
                },
            },
        }, JsonSerializerOptions.Web);
        var recipe = new WasteRecipeStep();
        recipe.Validate(step, new("test", "steps.waste-calendar"));
        await TestTowns.AsTownAsync(factory, town, async services =>
        {
            await recipe.ApplyAsync(step, services, CancellationToken.None);
            return 0;
        });
    }
}
