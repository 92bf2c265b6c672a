using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Saas.IntegrationTests.Infrastructure;
using Saas.IntegrationTests.News;
using Saas.Kernel.Security;
using Saas.Modules.Jobs.Applications;
using Saas.Modules.Jobs.Recipe;
using Saas.TestInfrastructure;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Jobs;

/// <summary>
/// Job offers on one real PostgreSQL: towns A and B with the feature, one without; A's TenantAdmin, an editor
/// (postings, but not applications) and a resident; B's TenantAdmin; the clock on Monday 7 December 2026, 07:00.
/// </summary>
public sealed partial class JobsFixture : IAsyncLifetime
{
    public const string HostA = "stellen-a.localhost";
    public const string HostB = "stellen-b.localhost";
    public const string HostWithout = "stellen-ohne.localhost";
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 7, 0, 0, TimeSpan.FromHours(1));

    public TestClock Clock { get; } = new(Now);
    public SmtpListener Smtp { get; } = SmtpListener.Start();
    public PlatformFactory Factory { get; private set; } = null!;
    public Guid TownA { get; private set; }
    public Guid TownB { get; private set; }
    public TestAccount AdminA { get; private set; } = null!;
    public TestAccount EditorA { get; private set; } = null!;
    public TestAccount ResidentA { get; private set; } = null!;
    public TestAccount AdminB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("jobs"), Clock = Clock, SmtpPort = Smtp.Port });
        TownA = await TestTowns.CreateAsync(Factory, "stellen-a", features: ["news", "jobs"]);
        TownB = await TestTowns.CreateAsync(Factory, "stellen-b", features: ["news", "jobs"]);
        await TestTowns.CreateAsync(Factory, "stellen-ohne");
        await SeedAsync(TownA, [
            ("Sachbearbeiter/in Bürgerbüro", "Hauptamt", "full_time", 21, null),
            ("Erzieher/in Kita", "Kita Sonnenschein", "part_time", 30, null),
            ("Mitarbeiter/in Bauhof", "Bauhof", "temporary", 14, "https://www.interamt.de/stelle/1"),
        ]);
        await SeedAsync(TownB, [("Kämmerer/in", "Kämmerei", "full_time", 21, null)]);
        AdminA = await TestAccounts.CreateAsync(Factory, TownA, "personal@stellen-a.example", Roles.TenantAdmin);
        EditorA = await TestAccounts.CreateAsync(Factory, TownA, "redaktion@stellen-a.example", Roles.Editor);
        ResidentA = await TestAccounts.CreateAsync(Factory, TownA, "anwohnerin@stellen-a.example");
        AdminB = await TestAccounts.CreateAsync(Factory, TownB, "personal@stellen-b.example", Roles.TenantAdmin);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private async Task SeedAsync(Guid town, (string Title, string Department, string Type, int Days, string? Url)[] postings)
    {
        var step = JsonSerializer.SerializeToElement(new
        {
            postings = postings.Select(p => new
            {
                title = p.Title,
                department = p.Department,
                description = $"## Aufgaben\n\n- {p.Title}\n- Verwaltung",
                employmentType = p.Type,
                hours = "39 Stunden/Woche",
                payGroup = "E 9a TVöD",
                startInDays = 60,
                location = "Rathaus",
                contact = "Frau Muster\nTelefon 0000 000",
                deadlineInDays = p.Days,
                postedDaysAgo = 3,
                applyUrl = p.Url,
            }),
        }, JsonSerializerOptions.Web);
        var recipe = new JobsRecipeStep();
        recipe.Validate(step, new("test", "steps.jobs"));
        await TestTowns.AsTownAsync(Factory, town, async services =>
        {
            await recipe.ApplyAsync(step, services, CancellationToken.None);
            return 0;
        });
    }

    public Task<HttpClient> StaffAsync(TestAccount account, string host = HostA) => StaffSession.SignInAsync(Factory, host, account, Clock);

    public string AttachmentRoot => Factory.Service<AttachmentStore>().Root;

    /// <summary>
    /// Sends the online form of <paramref name="slug"/> as a browser would (the form's own id and antiforgery token
    /// from the page); <paramref name="formId"/> replays an earlier form.
    /// </summary>
    public async Task<(HttpResponseMessage Response, string Html, Guid FormId)> ApplyAsync(
        string slug, string name, string email, string letter, IEnumerable<(string Name, byte[] Content)> files, string host = HostA, Guid? formId = null, HttpClient? client = null)
    {
        client ??= Factory.ClientFor(host, https: true);
        // After the deadline the form page answers 404; the token of any form of the same browser session does.
        using var formPage = await client.GetAsync($"/stellen/{slug}/bewerben");
        var page = formPage.IsSuccessStatusCode ? await formPage.Content.ReadAsStringAsync() : await client.GetStringAsync("/konto/anmelden");
        var form = formId ?? Guid.Parse(StaffSession.Field(page, "Input.FormId")!);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(form.ToString()), "Input.FormId" },
            { new StringContent(name), "Input.Name" },
            { new StringContent(email), "Input.Email" },
            { new StringContent(letter), "Input.CoverLetter" },
        };
        foreach (var (fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "Anhaenge", fileName);
        }
        var response = await client.PostAsync($"/stellen/{slug}/bewerben", content);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), form);
    }

    /// <summary>A small, well-formed PDF (one empty page) whose text carries <paramref name="marker"/>.</summary>
    public static byte[] Pdf(string marker = "Lebenslauf", string? extraTrailer = null)
    {
        var body = new StringBuilder("%PDF-1.4\n");
        body.Append("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        body.Append("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        body.Append("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
        body.Append($"% {marker}\n");
        var xref = body.Length;
        body.Append("xref\n0 4\n0000000000 65535 f \ntrailer\n<< /Size 4 /Root 1 0 R ").Append(extraTrailer).Append(">>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.Latin1.GetBytes(body.ToString());
    }

    /// <summary>A scalar as the database owner (no row-level security between the test and the truth); @t is the town.</summary>
    public async Task<long> CountAsync(string sql, Guid town)
    {
        await using var connection = new NpgsqlConnection(Factory.Options.Database!.OwnerConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // the SQL comes from the tests
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.Parameters.AddWithValue("t", town);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<Guid> IdAsync(string sql, Guid town)
    {
        await using var connection = new NpgsqlConnection(Factory.Options.Database!.OwnerConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.Parameters.AddWithValue("t", town);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

[CollectionDefinition(Name)]
public sealed class JobsCollection : ICollectionFixture<JobsFixture>
{
    public const string Name = "jobs";
}
