using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Saas.IntegrationTests.Infrastructure;
using Saas.IntegrationTests.News;
using Saas.Modules.WasteCalendar.Admin;
using Saas.Modules.WasteCalendar.Jobs;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.WasteCalendar;

/// <summary>What a resident does with reminders, the way a browser does it, and what arrives at the SMTP listener.</summary>
internal static class WasteSubscriptions
{
    public const string OptInSubject = "Bitte bestätigen: Abfall-Erinnerung";

    public static HttpClient Resident(WasteFixture fixture, string host = WasteFixture.HostA) => fixture.Factory.ClientFor(host, https: true);

    /// <summary>Posts the subscribe form of <paramref name="area"/> (every type; 18:00 the evening before unless said otherwise).</summary>
    public static async Task<HttpResponseMessage> SubscribeAsync(
        WasteFixture fixture, HttpClient client, Guid area, string email, string time = "abend-1080", IEnumerable<Guid>? types = null)
    {
        var page = $"/abfall/erinnerung?gebiet={area}";
        var fields = new Dictionary<string, string> { ["Email"] = email, ["zeit"] = time };
        var chosen = (types ?? (await fixture.TypeIdsAsync()).Values).ToList();
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Concat(chosen.Select(t => new KeyValuePair<string, string>("typ", t.ToString("N"))))
            .Append(new("__RequestVerificationToken", await StaffSession.TokenAsync(client, page)));
        return await client.PostAsync(page, new FormUrlEncodedContent(body));
    }

    public static Task<MimeMessage> OptInMailAsync(WasteFixture fixture, string email) =>
        fixture.Smtp.WaitForMessageAsync(m => To(m, email) && (m.Subject ?? "").StartsWith(OptInSubject, StringComparison.Ordinal));

    /// <summary>Opens the confirmation link and presses its button.</summary>
    public static async Task<string> ConfirmAsync(HttpClient client, Uri link)
    {
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        using var response = await StaffSession.PostAsync(client, "/abfall/erinnerung/bestaetigen",
            new() { ["id"] = query["id"] ?? "", ["token"] = query["token"] ?? "" }, tokenFrom: link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<Uri> SubscribeAndConfirmAsync(WasteFixture fixture, Guid area, string email, string time = "abend-1080")
    {
        var client = Resident(fixture);
        Assert.Equal(HttpStatusCode.Redirect, (await SubscribeAsync(fixture, client, area, email, time)).StatusCode);
        var link = (await OptInMailAsync(fixture, email)).FirstLink("/abfall/erinnerung/bestaetigen");
        Assert.Contains("bestätigt", await ConfirmAsync(client, link), StringComparison.Ordinal);
        return link;
    }

    public static bool To(MimeMessage m, string email) => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase));

    public static int MailsTo(WasteFixture fixture, string email, string subjectStart) =>
        fixture.Smtp.Messages.Count(m => To(m, email) && (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal));

    /// <summary>The reminder job of town A, twice at the same moment (two nodes, or a Hangfire retry).</summary>
    public static Task RunJobTwiceAsync(WasteFixture fixture, Guid? town = null) => Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
        TestTowns.AsTownAsync(fixture.Factory, town ?? fixture.TownA, async services =>
        {
            await services.GetRequiredService<WasteReminderJob>().RunAsync(CancellationToken.None);
            return 0;
        })));

    public static Task AddCollectionAsync(WasteFixture fixture, Guid area, Guid type, DateOnly day, Guid? town = null) =>
        TestTowns.AsTownAsync(fixture.Factory, town ?? fixture.TownA, async services =>
            await services.GetRequiredService<WasteEditor>().AddCollectionAsync(area, type, day, CancellationToken.None));
}

/// <summary>Areas of their own per test, so dates added here never change what the phase 1 tests count.</summary>
internal static class WasteAreas
{
    public static Task<Guid> CreateAsync(WasteFixture fixture, string name, Guid? town = null) =>
        TestTowns.AsTownAsync(fixture.Factory, town ?? fixture.TownA, async services =>
        {
            Assert.Null(await services.GetRequiredService<WasteEditor>().AddAreaAsync(name, CancellationToken.None));
            var db = services.GetRequiredService<Saas.Modules.WasteCalendar.Data.WasteDbContext>();
            return db.Areas.Single(a => a.Name == name).Id;
        });
}
