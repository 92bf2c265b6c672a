using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Saas.Kernel.Content;
using Saas.Modules.News.Data;
using Saas.Modules.News.Images;

namespace Saas.Modules.News.Api;

/// <summary>News for apps: <c>GET /api/v1/news</c> and <c>GET /api/v1/news/{id}</c>, always of the calling host's town.</summary>
internal static class NewsApi
{
    public const int MaxPageSize = 50;

    public static void MapNewsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/news").WithTags("News");
        api.MapGet("/", List).WithName("ListNews").WithSummary("Published articles, newest first.");
        api.MapGet("/{id:guid}", Get).WithName("GetNews").WithSummary("One published article with its body as sanitized HTML.");
    }

    private static async Task<Results<Ok<NewsListResponse>, ValidationProblem, NotFound>> List(
        NewsQueries news, HttpContext http, CancellationToken cancellationToken, int page = 1, int pageSize = 10, string? category = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > 10_000)
        {
            errors["page"] = ["page must be between 1 and 10000."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (category is not null && (await news.CategoriesAsync(cancellationToken)).All(c => c.Slug != category))
        {
            return TypedResults.NotFound();
        }
        var result = await news.ListAsync(category, page, pageSize, cancellationToken);
        await NewsCacheWindow.ApplyAsync(http, cancellationToken);
        return TypedResults.Ok(new NewsListResponse(result.Items.Select(Summary).ToList(), result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<NewsDetail>, NotFound>> Get(Guid id, NewsQueries news, MarkdownRenderer markdown, HttpContext http, CancellationToken cancellationToken)
    {
        var article = await news.FindByIdAsync(id, cancellationToken);
        await NewsCacheWindow.ApplyAsync(http, cancellationToken);
        return article is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new NewsDetail(Summary(article), markdown.ToSafeHtml(article.Body)));
    }

    private static NewsSummary Summary(Article a) => new(
        a.Id, a.Slug, a.Title, a.Teaser, new DateTimeOffset(DateTime.SpecifyKind(a.PublishedAt!.Value, DateTimeKind.Utc)),
        a.Category?.Slug, a.Category?.Name, a.Urgent, $"/aktuelles/{a.Slug}",
        a.ImageId is { } image ? NewsImages.Url(image) : null, a.ImageId is null ? null : a.ImageAlt);
}

internal sealed record NewsListResponse(IReadOnlyList<NewsSummary> Items, int Page, int PageSize, int Total);

internal sealed record NewsSummary(
    Guid Id, string Slug, string Title, string Teaser, DateTimeOffset PublishedAt, string? Category, string? CategoryName, bool Urgent, string Path,
    string? ImageUrl, string? ImageAlt);

internal sealed record NewsDetail(NewsSummary Article, string BodyHtml);
