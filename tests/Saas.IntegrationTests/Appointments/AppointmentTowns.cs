using System.Text.Json;
using Saas.IntegrationTests.Infrastructure;
using Saas.Modules.Appointments.Recipe;

namespace Saas.IntegrationTests.Appointments;

/// <summary>Creates a town with the appointments feature and seeds it through the module's own recipe step.</summary>
internal static class AppointmentTowns
{
    /// <summary>Monday 7 December 2026, 07:00 in Berlin: the tests' "now".</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 7, 0, 0, TimeSpan.FromHours(1));

    public static async Task<Guid> CreateAsync(PlatformFactory factory, string slug, int counters = 2)
    {
        var town = await TestTowns.CreateAsync(factory, slug, features: ["news", "appointments"]);
        var step = JsonSerializer.SerializeToElement(new
        {
            locations = new[]
            {
                new
                {
                    key = "rathaus",
                    name = $"Bürgerbüro {slug}",
                    street = "Markt 1",
                    postalCode = "14806",
                    city = slug,
                    accessibilityNote = "Stufenlos",
                    counters,
                    slotMinutes = 15,
                    minimumNoticeMinutes = 60,
                    horizonDays = 30,
                    openingHours = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
                        .Select(d => new { day = d, opens = "09:00", closes = "12:00" })
                        .Append(new { day = "tuesday", opens = "13:00", closes = "18:00" }).ToArray(),
                    closedDays = new[] { new { date = "2026-12-11", reason = "Betriebsausflug" } },
                },
            },
            services = new[]
            {
                new { location = "rathaus", name = $"Anmeldung {slug}", description = "Wohnsitz anmelden", whatToBring = "Ausweis", durationMinutes = 15, feeNote = "frei" },
                new { location = "rathaus", name = $"Personalausweis {slug}", description = "Ausweis beantragen", whatToBring = "Foto", durationMinutes = 30, feeNote = "37 €" },
            },
        }, JsonSerializerOptions.Web);
        var recipe = new AppointmentsRecipeStep();
        recipe.Validate(step, new("test", "steps.appointments"));
        await TestTowns.AsTownAsync(factory, town, async services =>
        {
            await recipe.ApplyAsync(step, services, CancellationToken.None);
            return 0;
        });
        return town;
    }
}
