using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Security;
using Saas.Modules.News.Data;
using Saas.TestInfrastructure;

namespace Saas.IntegrationTests.News;

/// <summary>
/// One node on PostgreSQL with a hand-moved clock and two towns that both run News: Auestadt (A),
/// where the tests work, and Bergdorf (B), whose rows must never be touched from A.
/// </summary>
public sealed class NewsEditorFixture : IAsyncLifetime
{
    public const string HostA = "auestadt.localhost";
    public const string HostB = "bergdorf.localhost";

    public TestClock Clock { get; } = new();
    public PlatformFactory Factory { get; private set; } = null!;
    public Guid TownA { get; private set; }
    public Guid TownB { get; private set; }
    public TestAccount EditorA { get; private set; } = null!;
    public TestAccount SecondEditorA { get; private set; } = null!;
    public TestAccount ResidentA { get; private set; } = null!;
    public TestAccount EditorWithoutSecondFactorA { get; private set; } = null!;
    public TestAccount EditorB { get; private set; } = null!;

    /// <summary>Town B's rows: an article (with an image) and its category.</summary>
    public Guid ArticleB { get; private set; }
    public Guid CategoryB { get; private set; }
    public Guid ImageB { get; private set; }

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("news_admin"), Clock = Clock });
        // Both towns run the waste calendar too, so the IDOR sweep has town B's areas to try on A.
        TownA = await TestTowns.CreateAsync(Factory, "auestadt", features: ["news", "waste-calendar"]);
        TownB = await TestTowns.CreateAsync(Factory, "bergdorf", theme: "modern", features: ["news", "waste-calendar"]);
        await WasteCalendar.WasteTowns.SeedAsync(Factory, TownB, "bergdorf");
        EditorA = await TestAccounts.CreateAsync(Factory, TownA, "redaktion@auestadt.example", Roles.Editor);
        SecondEditorA = await TestAccounts.CreateAsync(Factory, TownA, "presse@auestadt.example", Roles.TenantAdmin);
        ResidentA = await TestAccounts.CreateAsync(Factory, TownA, "anna@auestadt.example");
        EditorWithoutSecondFactorA = await TestAccounts.CreateAsync(Factory, TownA, "neu@auestadt.example", Roles.Editor, enrolTotp: false);
        EditorB = await TestAccounts.CreateAsync(Factory, TownB, "redaktion@bergdorf.example", Roles.Editor);
        (ArticleB, CategoryB, ImageB) = await InTownAsync(TownB, async db =>
        {
            var image = new NewsImage { ContentType = "image/png", Content = [0x89, 0x50, 0x4e, 0x47, 1, 2, 3], Width = 1, Height = 1, CreatedAt = DateTime.UtcNow };
            db.Images.Add(image);
            var article = await db.Articles.SingleAsync();
            article.ImageId = image.Id;
            article.ImageAlt = "Bergdorfer Kirche";
            await db.SaveChangesAsync();
            return (article.Id, article.CategoryId!.Value, image.Id);
        });
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    internal Task<T> InTownAsync<T>(Guid town, Func<NewsDbContext, Task<T>> action) =>
        TestTowns.AsTownAsync(Factory, town, services => action(services.GetRequiredService<NewsDbContext>()));

    /// <summary>Town B's news as stored: everything an attack from A could have changed.</summary>
    public Task<string> SnapshotOfBAsync() => InTownAsync(TownB, async db =>
    {
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => $"{a.Id}|{a.Slug}|{a.Title}|{a.Teaser}|{a.Body}|{a.PublishedAt:O}|{a.UnpublishAt:O}|{a.Version}|{a.ImageId}|{a.CategoryId}").ToListAsync();
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.Id}|{c.Slug}|{c.Name}").ToListAsync();
        var images = await db.Images.AsNoTracking().OrderBy(i => i.Id).Select(i => $"{i.Id}|{i.Content.Length}").ToListAsync();
        return string.Join("\n", articles.Concat(categories).Concat(images));
    });

    /// <summary>Local wall-clock text for a datetime-local field, in Europe/Berlin.</summary>
    public static string LocalInput(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

[CollectionDefinition(Name)]
public sealed class NewsEditorCollection : ICollectionFixture<NewsEditorFixture>
{
    public const string Name = "news editors";
}
