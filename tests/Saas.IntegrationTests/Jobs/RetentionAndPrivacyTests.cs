using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Modules;
using Saas.Kernel.Privacy;
using Saas.Modules.Jobs.Applications;

namespace Saas.IntegrationTests.Jobs;

/// <summary>Applications leave on time (six months after the posting closed), per town, and with the resident's data requests.</summary>
[Collection(JobsCollection.Name)]
public sealed class RetentionAndPrivacyTests(JobsFixture town)
{
    [Fact]
    public async Task Given_six_months_passed_since_a_posting_closed_When_the_towns_retention_jobs_run_Then_its_applications_and_files_are_gone_and_nothing_else()
    {
        var (_, _, old) = await town.ApplyAsync("sachbearbeiter-in-buergerbuero", "Alt Bewerber", "alt@example.org", "Anschreiben", [("a.pdf", JobsFixture.Pdf())]);
        var (_, _, young) = await town.ApplyAsync("erzieher-in-kita", "Jung Bewerberin", "jung@example.org", "Anschreiben", [("b.pdf", JobsFixture.Pdf())]);
        var (_, _, inB) = await town.ApplyAsync("kaemmerer-in", "Bernd Aus B", "bernd-b@example.org", "Anschreiben", [("c.pdf", JobsFixture.Pdf())], host: JobsFixture.HostB);
        string Folder(Guid tenant, Guid application) => Path.Combine(town.AttachmentRoot, tenant.ToString("N"), application.ToString("N"));
        var resume = town.Clock.GetUtcNow();
        try
        {
            // Bürgerbüro (A) and Kämmerer (B) closed at the end of 28 December 2026, the Kita post (A) on 6 January 2027.
            town.Clock.SetTo(new DateTimeOffset(2027, 6, 29, 12, 0, 0, TimeSpan.FromHours(2)));

            await RunAsync(town.TownB);

            Assert.Equal(1, await town.CountAsync($"SELECT count(*) FROM jobs_applications WHERE tenant_id = @t AND id = '{old}'", town.TownA));
            Assert.True(Directory.Exists(Folder(town.TownA, old)));
            Assert.Equal(0, await town.CountAsync($"SELECT count(*) FROM jobs_applications WHERE tenant_id = @t AND id = '{inB}'", town.TownB));
            Assert.False(Directory.Exists(Folder(town.TownB, inB)));

            await RunAsync(town.TownA);
            await RunAsync(town.TownA); // a second run (retry) finds nothing left and fails on nothing

            Assert.Equal(0, await town.CountAsync($"SELECT count(*) FROM jobs_applications WHERE tenant_id = @t AND id = '{old}'", town.TownA));
            Assert.Equal(0, await town.CountAsync($"SELECT count(*) FROM jobs_attachments WHERE tenant_id = @t AND application_id = '{old}'", town.TownA));
            Assert.False(Directory.Exists(Folder(town.TownA, old)));
            Assert.Equal(1, await town.CountAsync($"SELECT count(*) FROM jobs_applications WHERE tenant_id = @t AND id = '{young}'", town.TownA));
            Assert.True(Directory.Exists(Folder(town.TownA, young)));
        }
        finally
        {
            town.Clock.SetTo(resume);
        }
    }

    [Fact]
    public async Task Given_a_resident_applied_with_their_address_Then_the_export_lists_the_application_and_erasure_removes_rows_and_files()
    {
        var (_, _, application) = await town.ApplyAsync("erzieher-in-kita", "Rita Resident", "Rita.Resident@Example.org", "Mein Anschreiben", [("zeugnis.pdf", JobsFixture.Pdf())]);
        var subject = new PersonalDataSubject(Guid.CreateVersion7(), "rita.resident@example.org");

        var export = await TestTowns.AsTownAsync(town.Factory, town.TownA, services => Contributor(services).ExportAsync(subject, CancellationToken.None));
        var json = JsonSerializer.Serialize(export);
        Assert.Contains("Mein Anschreiben", json, StringComparison.Ordinal);
        Assert.Contains("zeugnis.pdf", json, StringComparison.Ordinal);
        Assert.Contains("Erzieher/in Kita", JsonSerializer.Deserialize<JsonElement>(json).GetProperty("applications")[0].GetProperty("posting").GetString(), StringComparison.Ordinal);
        Assert.Null(await TestTowns.AsTownAsync(town.Factory, town.TownB, services => Contributor(services).ExportAsync(subject, CancellationToken.None)));

        await TestTowns.AsTownAsync(town.Factory, town.TownA, async services =>
        {
            await Contributor(services).EraseAsync(subject, CancellationToken.None);
            return 0;
        });

        Assert.Equal(0, await town.CountAsync($"SELECT count(*) FROM jobs_applications WHERE tenant_id = @t AND id = '{application}'", town.TownA));
        Assert.False(Directory.Exists(Path.Combine(town.AttachmentRoot, town.TownA.ToString("N"), application.ToString("N"))));
    }

    private static IPersonalDataContributor Contributor(IServiceProvider services) =>
        services.GetServices<IPersonalDataContributor>().Single(c => c.Name == "jobs");

    private Task<int> RunAsync(Guid tenant) =>
        TestTowns.AsTownAsync(town.Factory, tenant, async services =>
        {
            ITenantJob job = services.GetRequiredService<ApplicationRetentionJob>();
            await job.RunAsync(CancellationToken.None);
            return 0;
        });
}
