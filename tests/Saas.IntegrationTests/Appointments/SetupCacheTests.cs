using System.Net;
using Saas.IntegrationTests.News;

namespace Saas.IntegrationTests.Appointments;

/// <summary>
/// The town's appointment setup is kept in memory (TownSetup): a staff change must reach the very
/// next search, and one town's setup in memory must never answer for another town.
/// </summary>
[Collection(StaffCollection.Name)]
public sealed class SetupCacheTests(StaffFixture town)
{
    [Fact]
    public async Task Given_residents_have_searched_When_staff_close_a_day_and_open_it_again_Then_the_next_search_follows_each_change()
    {
        var (service, location) = await town.ServiceAsync(StaffFixture.HostA, "Anmeldung");
        Assert.Contains("10:00", (await town.SlotsAsync(StaffFixture.HostA, service, "2026-12-23")).Keys);
        Assert.Contains("?tag=2026-12-23", await town.Api(StaffFixture.HostA).GetStringAsync($"/termine/{service}"), StringComparison.Ordinal);
        var admin = await town.AdminAsync();
        var page = $"/admin/termine/standort/{location}";

        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostAsync(admin, page + "?handler=Closed", new() { ["Day"] = "2026-12-23", ["Note"] = "Umzug der Akten" })).StatusCode);
        Assert.Empty(await town.SlotsAsync(StaffFixture.HostA, service, "2026-12-23"));
        Assert.DoesNotContain("?tag=2026-12-23", await town.Api(StaffFixture.HostA).GetStringAsync($"/termine/{service}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostAsync(admin, page + "?handler=RemoveClosed", new() { ["Day"] = "2026-12-23" })).StatusCode);
        Assert.Contains("10:00", (await town.SlotsAsync(StaffFixture.HostA, service, "2026-12-23")).Keys);
    }

    [Fact]
    public async Task Given_town_As_setup_in_memory_When_town_B_is_asked_for_As_service_Then_404_and_B_lists_only_its_own()
    {
        var (serviceA, _) = await town.ServiceAsync(StaffFixture.HostA, "Anmeldung");
        Assert.NotEmpty(await town.SlotsAsync(StaffFixture.HostA, serviceA, "2026-12-22")); // A's setup is now in memory
        var (serviceB, _) = await town.ServiceAsync(StaffFixture.HostB, "Anmeldung");

        var slots = await town.Api(StaffFixture.HostB).GetAsync($"/api/v1/appointments/slots?serviceId={serviceA}&from=2026-12-22&to=2026-12-22");
        Assert.Equal(HttpStatusCode.BadRequest, slots.StatusCode); // "serviceId must be the id of one of the town's services"
        Assert.Equal(HttpStatusCode.NotFound, (await town.Api(StaffFixture.HostB).GetAsync($"/termine/{serviceA}")).StatusCode);
        var listed = await town.Api(StaffFixture.HostB).GetStringAsync("/api/v1/appointments/services");
        Assert.Contains(serviceB.ToString(), listed, StringComparison.Ordinal);
        Assert.DoesNotContain(serviceA.ToString(), listed, StringComparison.Ordinal);
        Assert.DoesNotContain("amt-a", listed, StringComparison.Ordinal);
    }
}
