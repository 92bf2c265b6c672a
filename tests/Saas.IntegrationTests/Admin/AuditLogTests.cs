using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Audit;
using Saas.Kernel.Security;

namespace Saas.IntegrationTests.Admin;

/// <summary>The audit log page: newest first, paged, filtered by actor kind, every text shown as text, only this town's entries.</summary>
public sealed class AuditLogTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Given_many_entries_When_the_log_is_read_Then_newest_first_in_pages_of_25_with_translated_actions_and_text_only()
    {
        var slug = $"log-{Guid.NewGuid():N}"[..18];
        var town = await TestTowns.CreateAsync(fixture.Factory, slug);
        var admin = await TestAccounts.CreateAsync(fixture.Factory, town, $"chef@{slug}.example", Roles.TenantAdmin);
        await TestTowns.AsTownAsync(fixture.Factory, town, async services =>
        {
            var audit = services.GetRequiredService<IAuditLog>();
            for (var i = 1; i <= 30; i++)
            {
                await audit.RecordAsync("admin.page.saved", $"Eintrag {i:00}", $"<script>alert({i})</script>");
            }
            return true;
        });
        var client = await new AdminClient(fixture.Factory, $"{slug}.localhost").AsStaffAsync(town, admin.Id);

        var first = await client.GetPageAsync("/admin/protokoll");
        var second = await client.GetPageAsync("/admin/protokoll?seite=2");
        var staffOnly = await client.GetPageAsync("/admin/protokoll?art=staff");
        var systemOnly = await client.GetPageAsync("/admin/protokoll?art=system");

        Assert.True(first.IndexOf("Eintrag 30", StringComparison.Ordinal) < first.IndexOf("Eintrag 29", StringComparison.Ordinal));
        Assert.DoesNotContain("Eintrag 05", first);
        Assert.Contains("Eintrag 05", second);
        Assert.Contains("Seite geändert", first);
        Assert.Contains("&lt;script&gt;alert(30)&lt;/script&gt;", first);
        Assert.DoesNotContain("<script>alert", first);
        Assert.Contains("href=\"/admin/protokoll?seite=2\"", first);
        Assert.Contains("Eintrag 30", systemOnly); // written outside a request: the system acted
        Assert.DoesNotContain("Eintrag 30", staffOnly);
        Assert.DoesNotContain("adm-a", first);
    }
}
