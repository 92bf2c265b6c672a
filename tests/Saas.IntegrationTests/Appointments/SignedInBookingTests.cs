using System.Net;
using Saas.IntegrationTests.Accounts;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Appointments;

/// <summary>A signed-in resident books with the account's proven address, confirmed at once, and manages bookings under "Meine Termine".</summary>
[Collection(ResidentBookingCollection.Name)]
public sealed class SignedInBookingTests(AppointmentsFixture fixture)
{
    [Fact]
    public async Task Given_a_signed_in_resident_When_booking_Then_name_is_prefilled_the_booking_confirmed_at_once_and_listed_with_cancel_and_reschedule()
    {
        var account = await TestAccounts.CreateAsync(fixture.Factory, fixture.TownA, "konto-termin@example.org", displayName: "Klara Konto");
        var resident = ResidentClient.For(fixture.Factory, AppointmentsFixture.HostA);
        await resident.SignInAsync(account.Email, account.Password);
        var service = await fixture.ServiceIdAsync(AppointmentsFixture.HostA, "Anmeldung");

        var form = await resident.TextAsync($"/termine/{service}?tag=2026-12-18");
        Assert.Contains("value=\"Klara Konto\"", form, StringComparison.Ordinal);
        Assert.Contains("Sie sind angemeldet", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Email\"", form, StringComparison.Ordinal);
        using var booked = await resident.SubmitAsync($"/termine/{service}?tag=2026-12-18",
            [new("Start", "2026-12-18T09:00:00+01:00"), new("Name", "Klara Konto"), new("Email", "jemand-anders@example.org"),
             new("FormToken", Saas.IntegrationTests.News.StaffSession.Field(form, "FormToken")!)], $"/termine/{service}");
        var text = WebUtility.HtmlDecode(await booked.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        Assert.Contains("Ihr Termin ist gebucht", text, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.ScalarAsOwnerAsync(
            $"SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND account_id = '{account.Id}' AND email = 'konto-termin@example.org' AND confirmed_at IS NOT NULL AND hold_expires_at IS NULL", fixture.TownA));
        await ResidentBookings.ConfirmationMailAsync(fixture, "konto-termin@example.org");

        // The account page leads to the bookings; a town without appointments has no such entry.
        Assert.Contains("<a class=\"filter-nav__link\" href=\"/termine/meine\">Meine Termine</a>", await resident.TextAsync("/konto"), StringComparison.Ordinal);
        var without = await TestAccounts.CreateAsync(fixture.Factory, fixture.TownWithout, "ohne-termine@example.org");
        var elsewhere = ResidentClient.For(fixture.Factory, AppointmentsFixture.HostWithout);
        await elsewhere.SignInAsync(without.Email, without.Password);
        var withoutPage = await elsewhere.TextAsync("/konto");
        Assert.Contains("href=\"/konto/daten\"", withoutPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/termine/meine", withoutPage, StringComparison.Ordinal);

        var mine = await resident.TextAsync("/termine/meine");
        Assert.Contains("aria-current=\"page\">Meine Termine</a>", mine, StringComparison.Ordinal);
        Assert.Contains("Anmeldung termin-a", mine, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(mine, "/termine/absagen/([0-9a-f-]{36})").Groups[1].Value;
        Assert.Contains($"/termine/verschieben/{id}", mine, StringComparison.Ordinal);

        // Another signed-in resident gets nothing from the id alone; the owner cancels without a token.
        var stranger = await TestAccounts.CreateAsync(fixture.Factory, fixture.TownA, "fremd-termin@example.org");
        var other = ResidentClient.For(fixture.Factory, AppointmentsFixture.HostA);
        await other.SignInAsync(stranger.Email, stranger.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/termine/absagen/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/termine/verschieben/{id}")).StatusCode);
        Assert.DoesNotContain(id, await other.TextAsync("/termine/meine"), StringComparison.Ordinal);
        using var cancelled = await resident.SubmitAsync($"/termine/absagen/{id}", Array.Empty<KeyValuePair<string, string>>());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(0, await ResidentBookings.BookedAsync(fixture, fixture.TownA, "2026-12-18T08:00:00Z"));
        Assert.Contains("– abgesagt", await resident.TextAsync("/termine/meine"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_no_sign_in_When_my_appointments_are_opened_Then_the_sign_in_form_is_asked_for()
    {
        var response = await ResidentClient.For(fixture.Factory, AppointmentsFixture.HostA).Http.GetAsync("/termine/meine");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/anmelden", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
