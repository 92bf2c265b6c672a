using System.Net;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.WasteCalendar;

/// <summary>
/// Reminders by e-mail: double opt-in (nothing before the confirmation, forged and expired links
/// refused), exactly one reminder per subscription and collection when the job runs twice at once,
/// RFC 8058 unsubscribe (GET shows a button and changes nothing, the one-click POST unsubscribes).
/// </summary>
[Collection(WasteCollection.Name)]
public sealed class WasteReminderTests(WasteFixture fixture)
{
    /// <summary>Monday 7 December 2026, 18:05 in Berlin: evening reminders for Tuesday are due.</summary>
    private static readonly DateTimeOffset Evening = new(2026, 12, 7, 18, 5, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task Given_a_subscription_When_it_is_not_confirmed_Then_no_reminder_goes_out_and_a_forged_link_confirms_nothing()
    {
        var area = await WasteAreas.CreateAsync(fixture, "Erinnerung ohne Bestätigung");
        var types = await fixture.TypeIdsAsync();
        await WasteSubscriptions.AddCollectionAsync(fixture, area, types["Restmüll"], new DateOnly(2026, 12, 8));
        var client = WasteSubscriptions.Resident(fixture);
        var email = "unbestaetigt@abfall-a.example";

        Assert.Equal(HttpStatusCode.Redirect, (await WasteSubscriptions.SubscribeAsync(fixture, client, area, email)).StatusCode);
        var link = (await WasteSubscriptions.OptInMailAsync(fixture, email)).FirstLink("/abfall/erinnerung/bestaetigen");
        var before = fixture.Clock.GetUtcNow();
        try
        {
            fixture.Clock.SetTo(Evening);
            await WasteSubscriptions.RunJobTwiceAsync(fixture);
            await Task.Delay(300);
            Assert.Equal(0, WasteSubscriptions.MailsTo(fixture, email, "Morgen"));

            // Only the hash is stored: the id with another token confirms nothing.
            var id = System.Web.HttpUtility.ParseQueryString(link.Query)["id"];
            var forged = new Uri(link, $"/abfall/erinnerung/bestaetigen?id={id}&token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            Assert.Contains("ungültig", await WasteSubscriptions.ConfirmAsync(client, forged), StringComparison.Ordinal);
            // Opening the true link (a mail scanner does) confirms nothing either; only the button does.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link.PathAndQuery)).StatusCode);
            Assert.Equal(0, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM waste_subscriptions WHERE area_id = '{area}' AND confirmed_at IS NOT NULL"));
            Assert.Equal(1, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM waste_subscriptions WHERE area_id = '{area}' AND confirm_hash IS NOT NULL AND confirm_hash <> ''"));
            await WasteSubscriptions.RunJobTwiceAsync(fixture);
            await Task.Delay(300);
            Assert.Equal(0, WasteSubscriptions.MailsTo(fixture, email, "Morgen"));
        }
        finally
        {
            // Back near the start, but never to a 30-second step a sign-in has used (codes work once).
            fixture.Clock.SetTo(before.AddMinutes(5));
        }
    }

    [Fact]
    public async Task Given_a_confirmation_link_older_than_48_hours_When_confirmed_Then_it_is_refused_as_expired()
    {
        var area = await WasteAreas.CreateAsync(fixture, "Erinnerung abgelaufen");
        var client = WasteSubscriptions.Resident(fixture);
        var email = "spaet@abfall-a.example";
        Assert.Equal(HttpStatusCode.Redirect, (await WasteSubscriptions.SubscribeAsync(fixture, client, area, email)).StatusCode);
        var link = (await WasteSubscriptions.OptInMailAsync(fixture, email)).FirstLink("/abfall/erinnerung/bestaetigen");
        var before = fixture.Clock.GetUtcNow();
        try
        {
            fixture.Clock.Advance(TimeSpan.FromHours(49));
            Assert.Contains("abgelaufen", await WasteSubscriptions.ConfirmAsync(client, link), StringComparison.Ordinal);
            Assert.Equal(0, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM waste_subscriptions WHERE area_id = '{area}' AND confirmed_at IS NOT NULL"));
        }
        finally
        {
            // Back near the start, but never to a 30-second step a sign-in has used (codes work once).
            fixture.Clock.SetTo(before.AddMinutes(5));
        }
    }

    [Fact]
    public async Task Given_the_subscribe_form_sent_twice_When_stored_Then_there_is_one_subscription_and_one_confirmation_mail()
    {
        var area = await WasteAreas.CreateAsync(fixture, "Erinnerung doppelt");
        var client = WasteSubscriptions.Resident(fixture);
        var email = "Doppelt@Abfall-A.example";

        var both = await Task.WhenAll(WasteSubscriptions.SubscribeAsync(fixture, client, area, email), WasteSubscriptions.SubscribeAsync(fixture, client, area, " doppelt@abfall-a.example"));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, (await WasteSubscriptions.SubscribeAsync(fixture, client, area, email)).StatusCode);
        await WasteSubscriptions.OptInMailAsync(fixture, email);
        await Task.Delay(500);

        Assert.Equal(1, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM waste_subscriptions WHERE area_id = '{area}'"));
        Assert.Equal(1, WasteSubscriptions.MailsTo(fixture, email, WasteSubscriptions.OptInSubject));
    }

    [Fact]
    public async Task Given_bad_input_on_the_subscribe_form_Then_german_errors_are_shown_and_nothing_is_stored()
    {
        var area = await WasteAreas.CreateAsync(fixture, "Erinnerung Fehler");
        var client = WasteSubscriptions.Resident(fixture);

        var response = await WasteSubscriptions.SubscribeAsync(fixture, client, area, "<script>alert(1)</script>", time: "mittag-720", types: []);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gültige E-Mail-Adresse", html, StringComparison.Ordinal);
        Assert.Contains("mindestens eine Abfallart", html, StringComparison.Ordinal);
        Assert.Contains("Zeitpunkt aus der Liste", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM waste_subscriptions WHERE area_id = '{area}'"));
    }

    [Fact]
    public async Task Given_a_confirmed_subscription_When_the_job_runs_twice_at_once_and_again_Then_exactly_one_reminder_arrives_with_one_click_unsubscribe()
    {
        var area = await WasteAreas.CreateAsync(fixture, "Erinnerung einmal");
        var types = await fixture.TypeIdsAsync();
        await WasteSubscriptions.AddCollectionAsync(fixture, area, types["Restmüll"], new DateOnly(2026, 12, 8));
        await WasteSubscriptions.AddCollectionAsync(fixture, area, types["Papier"], new DateOnly(2026, 12, 8));
        var email = "einmal@abfall-a.example";
        var morning = "frueh@abfall-a.example";
        await WasteSubscriptions.SubscribeAndConfirmAsync(fixture, area, email);
        await WasteSubscriptions.SubscribeAndConfirmAsync(fixture, area, morning, time: "morgen-390");
        var before = fixture.Clock.GetUtcNow();
        try
        {
            fixture.Clock.SetTo(Evening.AddMinutes(-10)); // 17:55: not yet
            await WasteSubscriptions.RunJobTwiceAsync(fixture);
            fixture.Clock.SetTo(Evening);
            await WasteSubscriptions.RunJobTwiceAsync(fixture);
            var reminder = await fixture.Smtp.WaitForMessageAsync(m => WasteSubscriptions.To(m, email) && (m.Subject ?? "").StartsWith("Morgen", StringComparison.Ordinal));
            await WasteSubscriptions.RunJobTwiceAsync(fixture);
            await Task.Delay(500); // a duplicate would be on its way by now

            Assert.Equal(1, WasteSubscriptions.MailsTo(fixture, email, "Morgen"));
            Assert.Contains("Restmüll, Papier", reminder.Subject, StringComparison.Ordinal);
            Assert.Contains("Dienstag, 8. Dezember 2026", reminder.TextBody, StringComparison.Ordinal);
            // The morning subscriber is reminded on the day, not the evening before.
            Assert.Equal(0, WasteSubscriptions.MailsTo(fixture, morning, "Morgen") + WasteSubscriptions.MailsTo(fixture, morning, "Heute"));
            fixture.Clock.SetTo(new DateTimeOffset(2026, 12, 8, 6, 30, 0, TimeSpan.FromHours(1)));
            await WasteSubscriptions.RunJobTwiceAsync(fixture);
            await fixture.Smtp.WaitForMessageAsync(m => WasteSubscriptions.To(m, morning) && (m.Subject ?? "").StartsWith("Heute", StringComparison.Ordinal));
            await Task.Delay(300);
            Assert.Equal(1, WasteSubscriptions.MailsTo(fixture, morning, "Heute"));
            Assert.Equal(1, WasteSubscriptions.MailsTo(fixture, email, "Morgen"));

            // RFC 8058: the https address in angle brackets, and the one-click marker.
            var header = reminder.Headers["List-Unsubscribe"];
            Assert.Matches("^<https://abfall-a\\.localhost/abfall/erinnerung/abmelden\\?t=[A-Za-z0-9_-]+>$", header);
            Assert.Equal("List-Unsubscribe=One-Click", reminder.Headers["List-Unsubscribe-Post"]);
            var unsubscribe = new Uri(header!.Trim('<', '>'));
            Assert.Equal(unsubscribe, reminder.FirstLink("/abfall/erinnerung/abmelden"));

            // A mail scanner opening the link changes nothing.
            var anonymous = fixture.Factory.ClientFor(WasteFixture.HostA, https: true);
            var page = await anonymous.GetAsync(unsubscribe.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Ja, abbestellen", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(2, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM waste_subscriptions WHERE area_id = '{area}'"));

            // The mail provider's one-click POST: no session, no antiforgery token.
            var oneClick = fixture.Factory.ClientFor(WasteFixture.HostA, https: true);
            var posted = await oneClick.PostAsync(unsubscribe.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            Assert.Equal(0, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM waste_subscriptions WHERE area_id = '{area}' AND email = '{email}'"));
            Assert.Equal(1, await fixture.ScalarAsOwnerAsync($"SELECT count(*) FROM waste_subscriptions WHERE area_id = '{area}'"));
            // A second POST (a retry) is still fine.
            Assert.Equal(HttpStatusCode.OK, (await oneClick.PostAsync(unsubscribe.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        }
        finally
        {
            // Back near the start, but never to a 30-second step a sign-in has used (codes work once).
            fixture.Clock.SetTo(before.AddMinutes(5));
        }
    }
}
