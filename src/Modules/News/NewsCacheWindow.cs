using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Saas.Modules.News;

/// <summary>
/// Keeps the town's output cache honest about scheduled news: a cached page, feed or API answer
/// that shows the news never outlives the next scheduled change (publication, unpublishing, end of
/// an urgent notice), so a scheduled article appears, and an expired one vanishes, at its moment
/// and not up to the cache lifetime later. Changes made by staff evict through <c>IPublicPages</c>.
/// </summary>
internal static class NewsCacheWindow
{
    private static readonly object Key = new();

    public static async Task ApplyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context is not { } cache || http.Items.ContainsKey(Key))
        {
            return; // not cacheable, or already bounded for this request (the home page asks twice)
        }
        http.Items[Key] = true;
        var news = http.RequestServices.GetRequiredService<NewsQueries>();
        if (await news.NextChangeAsync(cancellationToken) is not { } next)
        {
            return;
        }
        var left = next - http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (left <= TimeSpan.Zero)
        {
            cache.AllowCacheStorage = false;
        }
        else if (cache.ResponseExpirationTimeSpan is not { } current || left < current)
        {
            cache.ResponseExpirationTimeSpan = left;
        }
    }
}
