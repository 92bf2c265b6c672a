using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Data;
using Saas.Kernel.Modules;
using Saas.Modules.Jobs.Applications;
using Saas.Modules.Jobs.Data;
using Saas.Modules.Jobs.Postings;
using Saas.Modules.Jobs.Recipe;

namespace Saas.Modules.Jobs;

/// <summary>Job offers (Stellenangebote): postings with JSON-LD and RSS, online applications with PDFs, their deletion on time.</summary>
public sealed class JobsModule : IModule
{
    public const string Feature = "jobs";

    public string FeatureKey => Feature;

    public string NameKey => "jobs.module";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(JobsPermissions.Manage, "jobs.permission.manage", ["Editor", "TenantAdmin"]),
        new(JobsPermissions.Applications, "jobs.permission.applications", ["TenantAdmin"]),
    ];

    public IReadOnlyList<NavigationItem> Navigation { get; } = [new("jobs.nav", "/stellen", 400)];

    public IReadOnlyList<NavigationItem> AdminNavigation { get; } = [new("jobs.admin.nav", "/admin/stellen", 400, JobsPermissions.Manage)];

    public MigrationSource Migrations => new("jobs", typeof(JobsModule).Assembly);

    public IRecipeStep RecipeStep { get; } = new JobsRecipeStep();

    public IReadOnlyList<RecurringTenantJob> Jobs { get; } =
    [
        new(ApplicationRetentionJob.Id, "17 3 * * *", typeof(ApplicationRetentionJob)),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<JobsDbContext>();
        services.AddScoped<TownClock>();
        services.AddScoped<JobQueries>();
        services.AddScoped<PostingEditor>();
        services.AddSingleton<AttachmentStore>();
        services.AddScoped<ApplicationSubmitter>();
        services.AddScoped<ApplicationMails>();
        services.AddScoped<ApplicationDesk>();
        services.AddScoped<Saas.Kernel.Privacy.IPersonalDataContributor, Privacy.JobsPersonalData>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapJobsFeed();
}
