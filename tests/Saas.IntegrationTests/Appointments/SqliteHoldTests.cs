using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Infrastructure;
using Saas.IntegrationTests.News;
using Saas.Modules.Appointments.Data;
using Saas.Modules.Appointments.Jobs;
using Saas.TestInfrastructure;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Appointments;

/// <summary>The embedded SQLite default runs the same holds, releases, confirmations, moves and submission keys.</summary>
public sealed class SqliteHoldTests
{
    [Fact]
    public async Task Given_the_embedded_sqlite_database_When_holds_expire_are_confirmed_moved_and_resubmitted_Then_the_ledger_stays_exact()
    {
        var folder = Path.Combine(Path.GetTempPath(), "saas-tests", "appointments-holds-" + Guid.NewGuid().ToString("N"));
        var clock = new TestClock(AppointmentTowns.Now);
        await using var smtp = SmtpListener.Start();
        var factory = new PlatformFactory(new PlatformFactoryOptions { SqliteFolder = folder, Clock = clock, SmtpPort = smtp.Port });
        try
        {
            var town = await AppointmentTowns.CreateAsync(factory, "termin-lite");
            const string host = "termin-lite.localhost";
            var client = factory.ClientFor(host);
            var services = await client.GetFromJsonAsync<JsonElement>("/api/v1/appointments/services");
            var service = services.EnumerateArray().First(s => s.GetProperty("durationMinutes").GetInt32() == 15).GetProperty("id").GetGuid();
            Task<HttpResponseMessage> Book(string start, string email, string? key = null)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appointments/bookings") { Content = JsonContent.Create(AppointmentsFixture.Booking(service, start, email: email)) };
                if (key is not null)
                {
                    request.Headers.Add("Idempotency-Key", key);
                }
                return factory.ClientFor(host).SendAsync(request);
            }
            Task<(int Booked, int Active)> LedgerAsync() => TestTowns.AsTownAsync(factory, town, async scope =>
            {
                var db = scope.GetRequiredService<AppointmentsDbContext>();
                return (db.SlotCounts.Sum(s => s.Booked), await Task.FromResult(db.Bookings.Count(b => b.CancelledAt == null)));
            });

            Assert.Equal(HttpStatusCode.Created, (await Book("2026-12-09T10:00:00+01:00", "eins@example.org")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await Book("2026-12-09T10:00:00+01:00", "zwei@example.org")).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await Book("2026-12-09T10:00:00+01:00", "drei@example.org")).StatusCode);

            clock.Advance(TimeSpan.FromMinutes(16));
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => TestTowns.AsTownAsync(factory, town, async scope =>
            {
                await scope.GetRequiredService<HoldReleaseJob>().RunAsync(CancellationToken.None);
                return 0;
            })));
            Assert.Equal((0, 0), await LedgerAsync());

            var first = await Book("2026-12-09T10:00:00+01:00", "vier@example.org", key: "lite-1");
            var repeat = await Book("2026-12-09T10:00:00+01:00", "vier@example.org", key: "lite-1");
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
            Assert.Equal((1, 1), await LedgerAsync());

            var mail = await smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == "vier@example.org") && (m.Subject ?? "").StartsWith("Bitte bestätigen", StringComparison.Ordinal));
            var link = mail.FirstLink("/termine/bestaetigen/");
            var query = System.Web.HttpUtility.ParseQueryString(link.Query);
            var browser = factory.ClientFor(host, https: true);
            var confirmed = await StaffSession.PostAsync(browser, link.AbsolutePath, new() { ["Token"] = query["token"]!, ["Code"] = query["code"]! }, tokenFrom: link.PathAndQuery);
            Assert.Contains("Ihr Termin ist bestätigt", WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);

            var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var moved = await StaffSession.PostAsync(browser, $"/termine/verschieben/{id}", new() { ["Token"] = query["token"]!, ["Start"] = "2026-12-09T11:00:00+01:00" },
                tokenFrom: $"/termine/verschieben/{id}?token={Uri.EscapeDataString(query["token"]!)}&tag=2026-12-09");
            Assert.Contains("Termin verschoben", WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            var cells = await TestTowns.AsTownAsync(factory, town, scope => Task.FromResult(
                scope.GetRequiredService<AppointmentsDbContext>().SlotCounts.Where(s => s.Booked > 0).Select(s => s.Start).ToList()));
            Assert.Equal([new DateTime(2026, 12, 9, 10, 0, 0)], cells.Select(c => DateTime.SpecifyKind(c, DateTimeKind.Unspecified)));
        }
        finally
        {
            await factory.DisposeAsync();
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
