using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Infrastructure;
using Saas.Modules.Coworking.Booking;
using Saas.Modules.Coworking.Recipe;

namespace Saas.IntegrationTests.Coworking;

/// <summary>Creates a town with co-working and seeds one space (Mon–Fri 08–18, Sat 09–13) through the module's own recipe step.</summary>
internal static class CoworkingTowns
{
    /// <summary>Monday 7 December 2026, 07:00 in Berlin: the tests' "now".</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 7, 0, 0, TimeSpan.FromHours(1));

    public static async Task<Guid> CreateAsync(PlatformFactory factory, string slug)
    {
        var town = await TestTowns.CreateAsync(factory, slug, features: ["news", "coworking"]);
        var step = JsonSerializer.SerializeToElement(new
        {
            spaces = new[]
            {
                new
                {
                    name = $"Coworking {slug}",
                    street = "Bahnhofstraße 1",
                    postalCode = "14827",
                    city = slug,
                    accessNotes = "Türcode 4711",
                    houseRules = "Leise telefonieren.",
                    cancelHours = 24,
                    passCents = 9000,
                    openingHours = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
                        .Select(d => new { day = d, opens = "08:00", closes = "18:00" })
                        .Append(new { day = "saturday", opens = "09:00", closes = "13:00" }).ToArray(),
                    workplaces = new[]
                    {
                        new { name = "Tisch 1", kind = "desk", capacity = 1, monitor = true, standingDesk = false, quietZone = false, hourCents = 300, halfDayCents = 800, dayCents = 1200 },
                        new { name = "Tisch 2", kind = "desk", capacity = 1, monitor = false, standingDesk = true, quietZone = true, hourCents = 300, halfDayCents = 800, dayCents = 1200 },
                        new { name = "Raum", kind = "room", capacity = 6, monitor = true, standingDesk = false, quietZone = false, hourCents = 1000, halfDayCents = 3500, dayCents = 6000 },
                    },
                },
            },
        }, JsonSerializerOptions.Web);
        var recipe = new CoworkingRecipeStep();
        recipe.Validate(step, new("test", "steps.coworking"));
        await TestTowns.AsTownAsync(factory, town, async services =>
        {
            await recipe.ApplyAsync(step, services, CancellationToken.None);
            return 0;
        });
        return town;
    }

    /// <summary>Books through the module's booker as <paramref name="resident"/>, inside the town, in a scope of its own.</summary>
    public static Task<BookingOutcome> BookAsync(
        PlatformFactory factory, Guid town, Guid workplace, string day, string from, string to, Resident resident, string span = Spans.Hours, string payment = "on-site") =>
        TestTowns.AsTownAsync(factory, town, services => services.GetRequiredService<DeskBooker>().BookAsync(
            new BookingInput { Workplace = workplace.ToString(), Day = day, Span = span, From = from, To = to, Payment = payment, Rules = true }, resident, CancellationToken.None));

    /// <summary>The id of the town's workplace named <paramref name="name"/>.</summary>
    public static Task<Guid> WorkplaceAsync(PlatformFactory factory, Guid town, string name) =>
        TestTowns.AsTownAsync(factory, town, services => Task.FromResult(
            services.GetRequiredService<Saas.Modules.Coworking.Data.CoworkingDbContext>().Workplaces.Single(w => w.Name == name).Id));

    /// <summary>
    /// 100 requests at once for one desk, all overlapping 11:00–11:30 (starts 09:00–11:00, ends 11:30–13:00, in many
    /// combinations): exactly one may win, whatever the application's own check saw.
    /// </summary>
    public static async Task<BookingOutcome[]> RaceAsync(PlatformFactory factory, Guid town, Guid workplace, string day)
    {
        string[] starts = ["09:00", "09:30", "10:00", "10:30", "11:00"];
        string[] ends = ["11:30", "12:00", "12:30", "13:00"];
        using var gate = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            await gate.WaitAsync();
            return await BookAsync(factory, town, workplace, day, starts[i % 5], ends[i / 5 % 4], new Resident(Guid.NewGuid(), $"p{i}@example.org", $"Person {i}"));
        })).ToList();
        gate.Release(100);
        return await Task.WhenAll(requests);
    }
}
