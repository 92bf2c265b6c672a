using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Saas.Host.Audit;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Privacy;
using Saas.TestInfrastructure;
using Saas.TestInfrastructure.Mail;
using StackExchange.Redis;

namespace Saas.IntegrationTests.Accounts;

/// <summary>A node with PostgreSQL (jobs included) and Redis, where the GDPR tests look for leftovers.</summary>
public sealed class PersonalDataFixture : IAsyncLifetime
{
    public const string Host = "daten.localhost";

    public SmtpListener Smtp { get; } = SmtpListener.Start();

    public TestDatabase Database { get; private set; } = null!;

    public PlatformFactory Factory { get; private set; } = null!;

    public string Redis { get; private set; } = "";

    public Guid Town { get; private set; }

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("gdpr");
        Redis = (await RedisServer.GetAsync()).ConnectionString;
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = Database, Redis = Redis, SmtpPort = Smtp.Port });
        Town = await TestTowns.CreateAsync(Factory, "daten");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// GDPR export and deletion, proven with a marker string: it is seeded into every place that
/// stores something about the resident, must come out in the export, and must be gone from every
/// row of every table (and every Redis key) after the deletion.
/// </summary>
/// <remarks>
/// A module that stores personal data registers an <see cref="IPersonalDataContributor"/> and
/// seeds the marker in <see cref="SeedMarkersAsync"/>: the export test fails for a contributor whose
/// file lacks the marker, and the deletion test scans every table of the database, so a module
/// whose eraser forgets a column is caught without touching this test.
/// </remarks>
public sealed class PersonalDataTests(PersonalDataFixture fixture) : IClassFixture<PersonalDataFixture>
{
    private const string Password = "Sommerwiese am Flämingweg";

    [Fact]
    public async Task Given_a_resident_with_data_everywhere_When_downloading_the_export_Then_every_part_holds_the_marker_and_no_secret()
    {
        var (browser, marker, _, _) = await ResidentWithMarkersAsync();

        using var response = await browser.SubmitAsync("/konto/daten", [], action: "/konto/daten?handler=Export");
        var files = await UnzipAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("README.txt", files.Keys);
        Assert.Contains("account.json", files.Keys);
        Assert.Contains("DSGVO", files["README.txt"], StringComparison.Ordinal);
        Assert.Contains($"{marker} Name", files["account.json"], StringComparison.Ordinal);
        Assert.Contains($"0331 {marker.Length}", files["account.json"], StringComparison.Ordinal);
        var contributors = await ContributorNamesAsync();
        Assert.Contains("audit-log", contributors);
        foreach (var name in contributors)
        {
            Assert.True(files.TryGetValue($"{name}.json", out var json), $"The export has no {name}.json; files: {string.Join(", ", files.Keys)}");
            // Addresses are stored lower-cased; app grants hold no text of the resident's own, the app is what must be listed.
            var evidence = name == "apps" ? OpenIdFlow.ClientId : marker;
            Assert.True(json.Contains(evidence, StringComparison.OrdinalIgnoreCase), $"{name}.json lacks {evidence}: seed it in SeedMarkersAsync.\n{json}");
        }
        Assert.All(files.Values, content =>
        {
            Assert.DoesNotContain("AQAAAA", content, StringComparison.Ordinal); // Identity's password hash format
            Assert.DoesNotContain("securityStamp\":", content, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Given_a_resident_with_data_everywhere_When_the_account_is_deleted_Then_no_table_and_no_cache_holds_the_marker_and_every_session_ended()
    {
        var (browser, marker, email, accountId) = await ResidentWithMarkersAsync();
        var otherDevice = ResidentClient.For(fixture.Factory, PersonalDataFixture.Host);
        await otherDevice.SignInAsync(email, Password);

        using var wrongPassword = await browser.SubmitAsync("/konto/daten", [new("Password", "falsch")], action: "/konto/daten?handler=Delete");
        Assert.Contains("Das aktuelle Passwort stimmt nicht.", ResidentClient.Decode(await wrongPassword.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.NotEmpty(await RowsWithAsync(marker));

        using var delete = await browser.SubmitAsync("/konto/daten", [new("Password", Password)], action: "/konto/daten?handler=Delete");

        Assert.Equal("/konto/geloescht", delete.Headers.Location?.OriginalString);
        Assert.False(await browser.IsSignedInAsync());
        Assert.False(await otherDevice.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.OK, (await ResidentClient.For(fixture.Factory, PersonalDataFixture.Host).SignInAsync(email, Password)).StatusCode);
        await fixture.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? "").Contains("gelöscht", StringComparison.Ordinal));
        var leftovers = await RowsWithAsync(marker);
        Assert.True(leftovers.Count == 0, "The marker survived the deletion in: " + string.Join("; ", leftovers));
        Assert.Equal(0, await CountAsOwnerAsync("SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND cancelled_at IS NULL AND start_utc > now()"));
        Assert.Equal(2, await CountAsOwnerAsync("SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t AND name = 'Gelöschtes Konto'"));
        Assert.Equal(0, await CountAsOwnerAsync($"SELECT count(*) FROM core_openid_tokens WHERE subject = '{accountId}'"));
        Assert.Equal(0, await CountAsOwnerAsync($"SELECT count(*) FROM core_openid_authorizations WHERE subject = '{accountId}'"));
        var cached = await RedisKeysWithAsync(marker);
        Assert.True(cached.Count == 0, "The marker survived in Redis: " + string.Join("; ", cached));
        // The audit trail stays, without the person.
        Assert.Equal(2, await CountAsOwnerAsync("SELECT count(*) FROM core_audit_log WHERE tenant_id = @t AND actor_name = 'Gelöschtes Konto' AND action LIKE 'test.resident.%'"));
        Assert.Equal(1, await CountAsOwnerAsync("SELECT count(*) FROM core_audit_log WHERE tenant_id = @t AND target LIKE 'Konto Gelöschtes Konto%'"));
    }

    [Fact]
    public async Task Given_a_staff_account_When_it_opens_the_deletion_Then_it_is_sent_to_the_administrators_and_nothing_is_deleted()
    {
        var staff = await TestAccounts.CreateAsync(fixture.Factory, fixture.Town, ResidentsFixture.NewEmail("team"), Kernel.Security.Roles.Editor);
        var browser = ResidentClient.For(fixture.Factory, PersonalDataFixture.Host);
        await browser.SignInAsync(staff.Email, staff.Password);

        var page = await browser.TextAsync("/konto/daten");
        using var delete = await browser.SubmitAsync("/konto/daten", [new("Password", staff.Password)], action: "/konto/daten?handler=Delete");

        Assert.Contains("Team der Verwaltung", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.True(await browser.IsSignedInAsync());
    }

    /// <summary>A confirmed, signed-in resident whose data carries a fresh marker in every place that stores personal data.</summary>
    private async Task<(ResidentClient Browser, string Marker, string Email, Guid AccountId)> ResidentWithMarkersAsync()
    {
        var marker = $"MARKER{Guid.NewGuid():N}"[..22];
        var email = $"{marker.ToLowerInvariant()}@example.org";
        var browser = ResidentClient.For(fixture.Factory, PersonalDataFixture.Host);
        await browser.RegisterAsync($"{marker} Name", email, Password);
        var link = (await fixture.Smtp.WaitForMessageToAsync(email)).FirstLink("/konto/bestaetigen");
        await browser.OpenAsync(link);
        await browser.SignInAsync(email, Password);
        using var profile = await browser.SubmitAsync("/konto", ("Name", $"{marker} Name"), ("Phone", $"0331 {marker.Length}"), ("Language", "de"));
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        var accountId = await SeedMarkersAsync(marker, email);
        return (browser, marker, email, accountId);
    }

    /// <summary>Every module that stores personal data seeds the marker here, the way its own pages would store it.</summary>
    private async Task<Guid> SeedMarkersAsync(string marker, string email)
    {
        // Core account: name and phone (above, through the profile page), the e-mail address holds the marker too.
        // Audit log: two actions of the resident, one of staff about the resident's account.
        var accountId = await TestTowns.AsTownAsync(fixture.Factory, fixture.Town, async services =>
        {
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Host.Accounts.Account>>();
            var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("no account");
            var audit = services.GetRequiredService<AuditDbContext>();
            audit.Entries.AddRange(
                new AuditEntry { At = DateTime.UtcNow, ActorKind = "resident", ActorId = account.Id, ActorName = $"{marker} Name", Action = "test.resident.one", Address = "192.0.2.7" },
                new AuditEntry { At = DateTime.UtcNow, ActorKind = "resident", ActorId = account.Id, ActorName = $"{marker} Name", Action = "test.resident.two", Target = "Termin" },
                new AuditEntry { At = DateTime.UtcNow, ActorKind = "staff", ActorId = Guid.NewGuid(), ActorName = "Sachbearbeiterin", Action = "test.staff.about", Target = $"Konto {email}", Details = $"geprüft: {email}" });
            await audit.SaveChangesAsync();
            return account.Id;
        });
        Assert.NotEqual(Guid.Empty, accountId);
        // Appointments: one ahead (erasing cancels it and frees the seat) and one past, booked with the account's address.
        await TestTowns.AsTownAsync(fixture.Factory, fixture.Town, async services =>
        {
            var db = services.GetRequiredService<Modules.Appointments.Data.AppointmentsDbContext>();
            var location = new Modules.Appointments.Data.Location { Name = $"Rathaus {Guid.NewGuid():N}", Street = "Markt 1", PostalCode = "14806", City = "Daten" };
            var service = new Modules.Appointments.Data.Service { LocationId = location.Id, Name = $"Personalausweis {Guid.NewGuid():N}", Description = "", WhatToBring = "", DurationMinutes = 15 };
            db.AddRange(location, service);
            foreach (var days in new[] { 3, -3 })
            {
                var start = DateTime.UtcNow.Date.AddDays(days).AddHours(9);
                db.Bookings.Add(new Modules.Appointments.Data.Booking
                {
                    ServiceId = service.Id, LocationId = location.Id, Start = start, End = start.AddMinutes(15),
                    Name = $"{marker} Name", Email = email, TokenHash = new string('0', 64), CreatedAt = DateTime.UtcNow,
                });
            }
            await db.SaveChangesAsync();
            return 0;
        });
        // Waste calendar: a confirmed e-mail reminder for an area, ordered with the account's address.
        await TestTowns.AsTownAsync(fixture.Factory, fixture.Town, async services =>
        {
            var db = services.GetRequiredService<Modules.WasteCalendar.Data.WasteDbContext>();
            var area = new Modules.WasteCalendar.Data.CollectionArea { Name = $"Gebiet {Guid.NewGuid():N}" };
            db.Areas.Add(area);
            db.Subscriptions.Add(new Modules.WasteCalendar.Data.Subscription
            {
                AreaId = area.Id, Email = email, TypeIds = "", Evening = true, RemindMinute = 18 * 60, Culture = "de",
                CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return 0;
        });
        // Job offers: an application sent with the account's address (the form needs no account).
        await TestTowns.AsTownAsync(fixture.Factory, fixture.Town, async services =>
        {
            var db = services.GetRequiredService<Modules.Jobs.Data.JobsDbContext>();
            var posting = new Modules.Jobs.Data.JobPosting
            {
                Slug = $"stelle-{Guid.NewGuid():N}", Title = "Sachbearbeitung", Department = "Hauptamt", Description = "x", EmploymentType = "full_time",
                Hours = "39", Location = "Rathaus", Contact = "Personal", Deadline = new DateOnly(2030, 1, 1), ClosesAt = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                PublishAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Postings.Add(posting);
            db.Applications.Add(new Modules.Jobs.Data.JobApplication
            {
                Id = Guid.CreateVersion7(), PostingId = posting.Id, Name = $"{marker} Name", Email = email, CoverLetter = $"Anschreiben {marker}", SubmittedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return 0;
        });
        // Co-working: a desk booking ahead (erasing cancels it and frees the desk) and a 10-day pass, both of the account.
        await TestTowns.AsTownAsync(fixture.Factory, fixture.Town, async services =>
        {
            var db = services.GetRequiredService<Modules.Coworking.Data.CoworkingDbContext>();
            var space = new Modules.Coworking.Data.Space { Name = $"Coworking {Guid.NewGuid():N}", Street = "Markt 1", PostalCode = "14806", City = "Daten", HouseRules = "Leise." };
            var desk = new Modules.Coworking.Data.Workplace { SpaceId = space.Id, Name = "Tisch" };
            var pass = new Modules.Coworking.Data.DeskPass { SpaceId = space.Id, AccountId = accountId, Name = $"{marker} Name", Email = email, Payment = "invoice", CreatedAt = DateTime.UtcNow };
            var start = DateTime.UtcNow.Date.AddDays(3).AddHours(9);
            db.AddRange(space, desk, pass, new Modules.Coworking.Data.DeskBooking
            {
                SpaceId = space.Id, WorkplaceId = desk.Id, AccountId = accountId, Name = $"{marker} Name", Email = email,
                StartUtc = start, EndUtc = start.AddHours(2), Span = "hours", Payment = "on-site", PriceCents = 600, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return 0;
        });
        // The residents' app: signed in through the town's OpenID provider, holding a grant and tokens.
        await OpenIdFlow.TokensForAsync(fixture.Factory, PersonalDataFixture.Host, fixture.Town, new TestAccount(accountId, email, Password, null));
        Assert.True(await CountAsOwnerAsync($"SELECT count(*) FROM core_openid_tokens WHERE subject = '{accountId}'") > 0);
        return accountId;
    }

    private Task<IReadOnlyList<string>> ContributorNamesAsync() =>
        TestTowns.AsTownAsync<IReadOnlyList<string>>(fixture.Factory, fixture.Town, services =>
            Task.FromResult<IReadOnlyList<string>>([.. services.GetServices<IPersonalDataContributor>().Select(c => c.Name)]));

    private static async Task<Dictionary<string, string>> UnzipAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            files[entry.FullName] = await reader.ReadToEndAsync();
        }
        return files;
    }

    /// <summary>
    /// Every table of every schema but PostgreSQL's own (the product's, Hangfire's jobs and their
    /// arguments, whatever comes later), scanned as the owner, row by row as text.
    /// </summary>
    [SuppressMessage("Security", "CA2100", Justification = "Table names come from the catalog and are quoted.")]
    private async Task<IReadOnlyList<string>> RowsWithAsync(string marker)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.OwnerConnectionString);
        await connection.OpenAsync();
        var tables = new List<(string Schema, string Table)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        Assert.Contains(tables, t => t.Table == "core_accounts");
        var found = new List<string>();
        foreach (var (schema, table) in tables)
        {
            await using var scan = new NpgsqlCommand(
                $"SELECT count(*) FROM \"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\".\"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" AS r WHERE strpos(lower(r::text), lower(@marker)) > 0",
                connection);
            scan.Parameters.AddWithValue("marker", marker);
            var count = (long)(await scan.ExecuteScalarAsync())!;
            if (count > 0)
            {
                found.Add($"{schema}.{table} ({count} rows)");
            }
        }
        return found;
    }

    /// <summary>Every Redis key whose name or value holds the marker (strings, lists, hashes, sets).</summary>
    private async Task<IReadOnlyList<string>> RedisKeysWithAsync(string marker)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Redis);
        var found = new List<string>();
        foreach (var endpoint in redis.GetEndPoints())
        {
            var server = redis.GetServer(endpoint);
            await foreach (var key in server.KeysAsync(pattern: "*"))
            {
                var db = redis.GetDatabase();
                IEnumerable<string?> values = await db.KeyTypeAsync(key) switch
                {
                    RedisType.String => new[] { (string?)await db.StringGetAsync(key) },
                    RedisType.List => (await db.ListRangeAsync(key)).Select(v => (string?)v),
                    RedisType.Hash => (await db.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}"),
                    RedisType.Set => (await db.SetMembersAsync(key)).Select(v => (string?)v),
                    _ => Array.Empty<string?>(),
                };
                if (((string?)key ?? "").Contains(marker, StringComparison.OrdinalIgnoreCase)
                    || values.Any(v => v?.Contains(marker, StringComparison.OrdinalIgnoreCase) == true))
                {
                    found.Add(key.ToString());
                }
            }
        }
        return found;
    }

    private async Task<long> CountAsOwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("t", fixture.Town);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
