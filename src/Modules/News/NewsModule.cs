using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Data;
using Saas.Kernel.Modules;
using Saas.Modules.News.Admin;
using Saas.Modules.News.Api;
using Saas.Modules.News.Data;
using Saas.Modules.News.Feeds;
using Saas.Modules.News.Images;
using Saas.Modules.News.Recipe;

namespace Saas.Modules.News;

/// <summary>News (Aktuelles): the town's articles, categories, urgent notices and feeds.</summary>
public sealed class NewsModule : IModule
{
    public const string Feature = "news";

    public string FeatureKey => Feature;

    public string NameKey => "news.module";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(NewsPermissions.Edit, "news.permission.edit", ["Editor", "TenantAdmin"]),
        new(NewsPermissions.Publish, "news.permission.publish", ["Editor", "TenantAdmin"]),
    ];

    public IReadOnlyList<NavigationItem> Navigation { get; } = [new("news.nav", "/aktuelles", 100)];

    public IReadOnlyList<NavigationItem> AdminNavigation { get; } = [new("news.admin.nav", "/admin/aktuelles", 100, NewsPermissions.Edit)];

    public Type? DashboardFigures => typeof(NewsDashboardFigures);

    public MigrationSource Migrations => new("news", typeof(NewsModule).Assembly);

    public IRecipeStep RecipeStep { get; } = new NewsRecipeStep();

    public IReadOnlyList<RecurringTenantJob> Jobs { get; } = [];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<NewsDbContext>();
        services.AddScoped<NewsQueries>();
        services.AddScoped<Saas.Kernel.Content.IContentSchedule, NewsSchedule>();
        services.AddScoped<ArticleEditor>();
        services.AddScoped<CategoryEditor>();
        services.AddSingleton<NewsImageUpload>();
        services.AddScoped<ITenantUsage, Support.NewsUsage>();
        services.AddSingleton(new HomeSection(Feature, "UrgentNotices", HomeSlot.Top, 0));
        services.AddSingleton(new HomeSection(Feature, "LatestNews", HomeSlot.Main, 0));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapNewsFeeds();
        endpoints.MapNewsApi();
        endpoints.MapNewsImages();
    }
}
