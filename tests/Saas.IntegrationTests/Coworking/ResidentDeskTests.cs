using System.Net;
using System.Text;
using MimeKit;
using Saas.IntegrationTests.Accounts;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Coworking;

/// <summary>A signed-in resident books a desk, gets the confirmation with its calendar entry, and cancels; bad input is refused in German with nothing stored.</summary>
[Collection(CoworkingCollection.Name)]
public sealed class ResidentDeskTests(CoworkingFixture town)
{
    private async Task<(ResidentClient Client, Guid Account)> ResidentAsync(string email)
    {
        var account = await TestAccounts.CreateAsync(town.Factory, town.TownA, email, displayName: "Rita Resident");
        var client = ResidentClient.For(town.Factory, CoworkingFixture.HostA);
        await client.SignInAsync(account.Email, account.Password);
        return (client, account.Id);
    }

    private static Task<HttpResponseMessage> BookAsync(ResidentClient client, Guid desk, string day, string span, string from = "09:00", string to = "12:00", string payment = "on-site", bool rules = true)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Workplace", desk.ToString()), new("Day", day), new("Span", span), new("From", from), new("To", to), new("Payment", payment),
        };
        if (rules)
        {
            fields.Add(new("Rules", "true"));
        }
        return client.SubmitAsync("/coworking", fields, "/coworking");
    }

    private Task<long> LiveBookingsAsync(Guid account) =>
        town.OwnerScalarAsync<long>($"SELECT count(*) FROM coworking_bookings WHERE tenant_id = @t AND account_id = '{account}' AND cancelled_at IS NULL", town.TownA);

    [Fact]
    public async Task Given_a_signed_in_resident_When_booking_a_desk_from_10_to_12_Then_it_is_confirmed_with_an_ics_listed_and_after_cancelling_free_again()
    {
        var (resident, account) = await ResidentAsync("buchen@example.org");
        var desk = await CoworkingTowns.WorkplaceAsync(town.Factory, town.TownA, "Tisch 1");
        Assert.Contains("Tisch 1", await resident.TextAsync("/coworking?tag=2026-12-14"), StringComparison.Ordinal);

        using var booked = await BookAsync(resident, desk, "2026-12-14", "hours", "10:00", "12:00");

        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal("/coworking/meine?erledigt=gebucht", booked.Headers.Location!.OriginalString);
        var mine = await resident.TextAsync("/coworking/meine?erledigt=gebucht");
        Assert.Contains("Ihr Platz ist gebucht", mine, StringComparison.Ordinal);
        Assert.Contains("Montag, 14. Dezember 2026, 10:00–12:00", mine, StringComparison.Ordinal);
        Assert.Contains("6,00 €", mine, StringComparison.Ordinal);
        var mail = await town.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == "buchen@example.org"));
        Assert.StartsWith("Gebucht: Tisch 1", mail.Subject, StringComparison.Ordinal);
        var ics = mail.Attachments.OfType<MimePart>().Single(a => a.FileName == "coworking.ics");
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var calendar = Encoding.UTF8.GetString(content.ToArray());
        Assert.Contains("DTSTART:20261214T090000Z", calendar, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261214T110000Z", calendar, StringComparison.Ordinal);
        Assert.Contains("Frei: 08:00–10:00, 12:00–18:00", await resident.TextAsync("/coworking?tag=2026-12-14"), StringComparison.Ordinal);

        var id = System.Text.RegularExpressions.Regex.Match(mine, "name=\"Booking\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        using var cancelled = await resident.SubmitAsync("/coworking/meine", [new("Booking", id)], "/coworking/meine?handler=Cancel");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(0, await LiveBookingsAsync(account));
        Assert.Contains("– abgesagt", await resident.TextAsync("/coworking/meine"), StringComparison.Ordinal);
        var tisch1 = (await resident.TextAsync("/coworking?tag=2026-12-14")).Split("Tisch 1")[1];
        Assert.StartsWith("</h3>", tisch1, StringComparison.Ordinal);
        Assert.Contains("Frei: 08:00–18:00", tisch1.Split("Tisch 2")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_bad_booking_input_When_submitted_Then_each_gets_its_german_message_and_nothing_is_stored()
    {
        var (resident, account) = await ResidentAsync("falsch@example.org");
        var desk = await CoworkingTowns.WorkplaceAsync(town.Factory, town.TownA, "Raum");
        var deskB = await CoworkingTowns.WorkplaceAsync(town.Factory, town.TownB, "Tisch 1");
        using (var first = await BookAsync(resident, desk, "2026-12-16", "morning"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }
        var before = await town.SnapshotAsync(town.TownA);

        foreach (var (response, message) in new (Func<Task<HttpResponseMessage>>, string)[]
        {
            (() => BookAsync(resident, desk, "2026-12-04", "hours", "10:00", "12:00"), "Dieser Zeitraum liegt in der Vergangenheit."),
            (() => BookAsync(resident, desk, "2026-12-17", "hours", "07:00", "09:00"), "Der Zeitraum liegt außerhalb der Öffnungszeiten."),
            (() => BookAsync(resident, desk, "2026-12-13", "day"), "An diesem Tag ist der Raum geschlossen."),
            (() => BookAsync(resident, desk, "2026-12-16", "hours", "11:00", "14:00"), "Dieser Platz ist in dem Zeitraum schon gebucht."),
            (() => BookAsync(resident, desk, "2026-12-17", "hours", "12:00", "10:00"), "Bitte wählen Sie Beginn und Ende im Halbstundentakt"),
            (() => BookAsync(resident, desk, "2026-12-17", "day", rules: false), "Bitte bestätigen Sie die Hausordnung."),
            (() => BookAsync(resident, deskB, "2026-12-17", "day"), "Bitte wählen Sie einen buchbaren Platz."),
            (() => BookAsync(resident, desk, "2026-12-17", "day", payment: "pass"), "Sie haben für diesen Raum keine 10er-Karte."),
            (() => BookAsync(resident, desk, "kein-tag", "day"), "Bitte geben Sie einen gültigen Tag an"),
            (() => BookAsync(resident, desk, "2026-12-17", "<script>alert(1)</script>"), "Bitte wählen Sie die Dauer."),
        })
        {
            using var answer = await response();
            var html = await answer.Content.ReadAsStringAsync();
            var text = ResidentClient.Decode(html);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains(message, text, StringComparison.Ordinal);
            Assert.Contains("Die Buchung ist so nicht möglich", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await town.SnapshotAsync(town.TownA));
        Assert.Equal(1, await LiveBookingsAsync(account));
    }

    [Fact]
    public async Task Given_a_10_day_pass_When_booking_with_it_Then_it_counts_down_a_cancel_gives_the_day_back_and_a_used_up_pass_is_refused()
    {
        var (resident, account) = await ResidentAsync("karte@example.org");
        var desk = await CoworkingTowns.WorkplaceAsync(town.Factory, town.TownA, "Tisch 2");
        var space = await town.OwnerScalarAsync<Guid>("SELECT id FROM coworking_spaces WHERE tenant_id = @t AND name = 'Coworking cowork-a'", town.TownA);
        using (var ordered = await resident.SubmitAsync("/coworking/meine", [new("PassSpace", space.ToString()), new("PassPayment", "invoice")], "/coworking/meine?handler=Pass"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ordered.StatusCode);
        }

        using (var booked = await BookAsync(resident, desk, "2026-12-18", "day", payment: "pass"))
        {
            Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        }
        var mine = await resident.TextAsync("/coworking/meine");
        Assert.Contains("10er-Karte: noch 9 von 10 Buchungen", mine, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(mine, "name=\"Booking\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        using (var cancelled = await resident.SubmitAsync("/coworking/meine", [new("Booking", id)], "/coworking/meine?handler=Cancel"))
        {
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        }
        Assert.Contains("10er-Karte: noch 10 von 10 Buchungen", await resident.TextAsync("/coworking/meine"), StringComparison.Ordinal);

        await town.OwnerScalarAsync<long>($"WITH u AS (UPDATE coworking_passes SET days_used = days WHERE tenant_id = @t AND account_id = '{account}' RETURNING 1) SELECT count(*) FROM u", town.TownA);
        using var usedUp = await BookAsync(resident, desk, "2026-12-21", "day", payment: "pass");
        Assert.Equal(HttpStatusCode.OK, usedUp.StatusCode);
        Assert.Contains("Ihre 10er-Karte ist aufgebraucht.", ResidentClient.Decode(await usedUp.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await LiveBookingsAsync(account));
    }

    [Fact]
    public async Task Given_a_booking_within_the_towns_deadline_When_the_resident_cancels_Then_it_is_refused_and_stands()
    {
        var (resident, account) = await ResidentAsync("frist@example.org");
        var desk = await CoworkingTowns.WorkplaceAsync(town.Factory, town.TownA, "Tisch 2");
        using (var booked = await BookAsync(resident, desk, "2026-12-07", "hours", "16:00", "17:00"))
        {
            Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        }
        var mine = await resident.TextAsync("/coworking/meine");
        Assert.Contains("Absagen ist nur bis 24 Stunden vor Beginn möglich.", mine, StringComparison.Ordinal);
        var id = await town.OwnerScalarAsync<Guid>($"SELECT id FROM coworking_bookings WHERE tenant_id = @t AND account_id = '{account}'", town.TownA);

        using var late = await resident.SubmitAsync("/coworking/meine", [new("Booking", id.ToString())], "/coworking/meine?handler=Cancel");

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Die Frist zum Absagen ist abgelaufen.", ResidentClient.Decode(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await LiveBookingsAsync(account));
    }

    [Fact]
    public async Task Given_no_sign_in_Then_availability_shows_a_sign_in_link_and_booking_asks_for_the_sign_in()
    {
        var guest = ResidentClient.For(town.Factory, CoworkingFixture.HostA);

        var page = await guest.TextAsync("/coworking");
        using var mine = await guest.Http.GetAsync("/coworking/meine");

        Assert.Contains("Zum Buchen melden Sie sich mit Ihrem Bürgerkonto an.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Workplace\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.Contains("/konto/anmelden", mine.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
