using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Saas.Host.Jobs;
using Saas.Host.OpenId;
using Saas.Host.Recipes;
using Saas.Host.Tenancy;
using Saas.Host.Web;
using Saas.Kernel.Data;
using Saas.Kernel.Modules;

namespace Saas.Host;

/// <summary>What happens once before the first request: schema, registry, demo towns, and telling the operator where to look.</summary>
internal static class PlatformStartup
{
    public static async Task InitializeAsync(this WebApplication app, IReadOnlyList<IModule> modules, CancellationToken cancellationToken = default)
    {
        var services = app.Services;
        await services.GetRequiredService<MigrationRunner>().RunAsync(MigrationSources(modules), cancellationToken);
        await services.GetRequiredService<OpenIdKeys>().LoadAsync(cancellationToken);
        await services.GetRequiredService<RegistryRefresher>().LoadAllAsync(cancellationToken);

        var options = services.GetRequiredService<IOptions<PlatformOptions>>().Value;
        if (options.SeedDemoTenants)
        {
            // Nodes that start together seed one after the other; the second finds everything done.
            await using var _ = await StartupLock.AcquireAsync(services.GetRequiredService<DatabaseOptions>(), cancellationToken);
            await services.GetRequiredService<RegistryRefresher>().LoadAllAsync(cancellationToken);
            await SeedRecipesAsync(app, options, cancellationToken);
        }
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.ScheduleModuleJobs(modules);
        recurring.AddOrUpdate<Tenancy.Domains.DomainVerificationJob>(
            Tenancy.Domains.DomainVerificationJob.Id, job => job.RunAsync(CancellationToken.None), Tenancy.Domains.DomainVerificationJob.Cron);
        app.Lifetime.ApplicationStarted.Register(() => PrintUrls(app, options));
    }

    /// <summary>The registry and core tables first, then each module's own.</summary>
    public static IEnumerable<MigrationSource> MigrationSources(IReadOnlyList<IModule> modules) =>
        modules.Select(m => m.Migrations).Prepend(new MigrationSource("platform", typeof(PlatformStartup).Assembly));

    private static async Task SeedRecipesAsync(WebApplication app, PlatformOptions options, CancellationToken cancellationToken)
    {
        var folder = ContentPaths.Find(options.TenantsPath, app.Environment.ContentRootPath, "tenants");
        var reader = app.Services.GetRequiredService<RecipeReader>();
        var seeder = app.Services.GetRequiredService<RecipeSeeder>();
        var staff = app.Services.GetRequiredService<Admin.DemoStaff>();
        foreach (var file in Directory.EnumerateFiles(folder, "recipe.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                var recipe = reader.Read(file);
                await staff.EnsureAsync(await seeder.SeedAsync(recipe, cancellationToken), recipe.Recipe.Staff, cancellationToken);
            }
            catch (RecipeException ex)
            {
                // One broken recipe must not keep the other towns offline; it is refused whole.
                app.Logger.LogError("Recipe refused, town not seeded: {Problem}", ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Failing while applying leaves the town in provisioning (it answers nothing); the next start completes it.
                app.Logger.LogError(ex, "Seeding {File} failed; the town stays in provisioning", file);
            }
        }
    }

    private static void PrintUrls(WebApplication app, PlatformOptions options)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.Select(a => new Uri(a.Replace("+", "localhost", StringComparison.Ordinal).Replace("*", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)))
            .OrderBy(u => u.Scheme == "https" ? 1 : 0)
            .FirstOrDefault();
        if (address is null)
        {
            return;
        }
        var port = address.IsDefaultPort ? "" : $":{address.Port}";
        var registry = app.Services.GetRequiredService<TenantRegistry>();
        var lines = new List<string> { "", "Rathausplatz is running. Open:", $"  Platform site:  {address.Scheme}://{options.Domain}{port}/" };
        // A handful of towns is a useful list; ten thousand lines on every start are not.
        const int Shown = 20;
        var active = registry.Tenants.Where(t => t.State == Kernel.Tenancy.TenantState.Active).OrderBy(t => t.Slug, StringComparer.Ordinal).ToList();
        lines.AddRange(active.Take(Shown).Select(t => $"  {t.FullName,-24} {address.Scheme}://{t.PrimaryHost}{port}/"));
        if (active.Count > Shown)
        {
            lines.Add($"  ... and {active.Count - Shown} more towns");
        }
        lines.AddRange(app.Services.GetRequiredService<Admin.DemoStaff>().Describe(t => $"{address.Scheme}://{t.PrimaryHost}{port}/"));
        lines.Add(Mail.MailSetup.StartupLine(app.Services));
        lines.AddRange(app.Services.GetRequiredService<Platform.StartupNotes>().Lines);
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
