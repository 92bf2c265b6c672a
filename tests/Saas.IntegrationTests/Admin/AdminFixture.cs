using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Host.Audit;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Security;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Admin;

/// <summary>
/// One node on a real PostgreSQL with mail going to an SMTP listener, and two towns: A with an
/// administrator, an editor and a resident, B with its own administrator. Tests that change
/// accounts create their own, so tests share nothing they change.
/// </summary>
public sealed class AdminFixture : IAsyncLifetime
{
    public const string HostA = "adm-a.localhost";
    public const string HostB = "adm-b.localhost";

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
        Factory = new PlatformFactory(new PlatformFactoryOptions
        {
            Database = await TestDatabase.CreateAsync("admin"),
            SmtpPort = Smtp.Port,
            Settings = new Dictionary<string, string?> { ["Accounts:FailedSignInsPerHour"] = "3" },
        });
        // Every module with staff pages is on, so the access sweep reaches all of /admin (a town without a feature answers 404).
        TownA = await TestTowns.CreateAsync(Factory, "adm-a", features: ["news", "waste-calendar", "appointments", "jobs", "coworking"]);
        TownB = await TestTowns.CreateAsync(Factory, "adm-b", theme: "modern", features: ["news", "waste-calendar", "appointments", "jobs", "coworking"]);
        AdminA = await TestAccounts.CreateAsync(Factory, TownA, "chefin@adm-a.example", Roles.TenantAdmin, displayName: "Chefin A");
        EditorA = await TestAccounts.CreateAsync(Factory, TownA, "redaktion@adm-a.example", Roles.Editor, displayName: "Redaktion A");
        ResidentA = await TestAccounts.CreateAsync(Factory, TownA, "buerger@adm-a.example", Roles.Resident, displayName: "Bürger A");
        AdminB = await TestAccounts.CreateAsync(Factory, TownB, "chef@adm-b.example", Roles.TenantAdmin, displayName: "Chef B");
    }

    public AdminClient Client(string host = HostA) => new(Factory, host);

    public Task<AdminClient> AdminOfAAsync() => Client().AsStaffAsync(TownA, AdminA.Id);

    public Task<AdminClient> EditorOfAAsync() => Client().AsStaffAsync(TownA, EditorA.Id);

    /// <summary>The town's audit entries, newest first.</summary>
    internal Task<List<AuditEntry>> AuditAsync(Guid town) =>
        TestTowns.AsTownAsync(Factory, town, services =>
            services.GetRequiredService<AuditDbContext>().Entries.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync());

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
