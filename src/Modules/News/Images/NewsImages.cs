using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Saas.Modules.News.Admin;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Images;

/// <summary>
/// Article images, always of the calling host's town. Residents get an image only while a
/// published article shows it; staff (for drafts and previews) through the admin address.
/// </summary>
internal static class NewsImages
{
    public static string Url(Guid id) => $"/aktuelles/bilder/{id}";

    public static string AdminUrl(Guid id) => $"/admin/aktuelles/bilder/{id}";

    public static void MapNewsImages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/aktuelles/bilder/{id:guid}", Public).ExcludeFromDescription();
        endpoints.MapGet("/admin/aktuelles/bilder/{id:guid}", Staff).ExcludeFromDescription().RequireAuthorization(NewsPermissions.EditPolicy);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Public(Guid id, NewsQueries news, NewsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!await news.IsImagePublishedAsync(id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        await NewsCacheWindow.ApplyAsync(http, cancellationToken);
        return await FileAsync(id, db, cancellationToken);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Staff(Guid id, NewsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        return await FileAsync(id, db, cancellationToken);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> FileAsync(Guid id, NewsDbContext db, CancellationToken cancellationToken)
    {
        var image = await db.Images.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return image is null ? TypedResults.NotFound() : TypedResults.File(image.Content, image.ContentType);
    }
}
