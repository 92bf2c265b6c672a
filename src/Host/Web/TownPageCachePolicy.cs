using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Saas.Host.Web;

/// <summary>
/// The one place that decides what <see cref="TownPageCache"/> may answer and keep: anonymous
/// GET and HEAD requests of a town, and their 200 answers that set no cookie. Sixty seconds bound
/// how late scheduled content can appear; a change to the town itself is visible at once.
/// </summary>
internal static class TownPageCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Larger answers are sent as usual but not kept (a home page is about 8 KB).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Whether a request may be answered from the cache, and the raw culture cookie that is part of
    /// its key. Any cookie but the culture cookie makes a request private: sign-in cookies
    /// (<c>__Host-town</c>, <c>__Host-staff</c>, …), antiforgery, and whatever is added later.
    /// </summary>
    public static bool MayUse(HttpContext context, string cultureCookieName, out string? cultureCookie)
    {
        cultureCookie = null;
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }
        // Error pages are re-executed through the pipeline with the error's status already set.
        if (context.Response.StatusCode != StatusCodes.Status200OK || context.Response.HasStarted)
        {
            return false;
        }
        if (request.Headers.Authorization.Count > 0 || IsSignedIn(context))
        {
            return false;
        }
        if (request.Headers.Cookie.Count == 0)
        {
            return true;
        }
        foreach (var cookie in request.Cookies)
        {
            if (!string.Equals(cookie.Key, cultureCookieName, StringComparison.Ordinal))
            {
                return false;
            }
            cultureCookie = cookie.Value;
        }
        return true;
    }

    /// <summary>Whether the answer the town's code just gave may be kept for the next requests.</summary>
    public static bool MayStore(HttpContext context, int bodyLength)
    {
        var response = context.Response;
        // A HEAD answer has no body to keep; HEAD is answered from the page a GET stored.
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return false;
        }
        if (response.StatusCode != StatusCodes.Status200OK || context.RequestAborted.IsCancellationRequested || IsSignedIn(context)
            || IsPersonal(context.Request.Path))
        {
            return false;
        }
        var headers = response.Headers;
        if (headers.SetCookie.Count > 0 || headers.Vary.Count > 0 || (response.ContentLength is { } length && length != bodyLength))
        {
            return false;
        }
        // The key knows nothing of request headers but the cookie, so a Vary answer cannot be shared;
        // private and no-store answers say themselves that they must not be.
        foreach (var value in headers.CacheControl)
        {
            if (value is not null && (value.Contains(CacheControlHeaderValue.NoStoreString, StringComparison.OrdinalIgnoreCase)
                || value.Contains(CacheControlHeaderValue.PrivateString, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The cache keys the language on the raw query and culture cookie, which is exactly what the
    /// localization middleware decides on as long as those are its only providers. Another provider
    /// (Accept-Language, say) would make one cached page answer for two languages: refuse to start.
    /// </summary>
    public static string CultureCookieName(RequestLocalizationOptions options)
    {
        var cookieName = CookieRequestCultureProvider.DefaultCookieName;
        foreach (var provider in options.RequestCultureProviders)
        {
            switch (provider)
            {
                case CookieRequestCultureProvider cookie:
                    cookieName = cookie.CookieName;
                    break;
                case QueryStringRequestCultureProvider:
                    break;
                default:
                    throw new InvalidOperationException(
                        $"The town page cache keys the language on the query and the culture cookie only; {provider.GetType().Name} would need a key of its own (see TownPageKey).");
            }
        }
        return cookieName;
    }

    /// <summary>
    /// Account, admin and sign-in pages act for one person even when nobody is signed in yet: a
    /// confirmation link opened twice must run twice, not be answered from the first visit.
    /// </summary>
    private static bool IsPersonal(PathString path) =>
        path.StartsWithSegments("/konto", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase);

    // Reads the feature rather than HttpContext.User, which would allocate an empty principal per request.
    private static bool IsSignedIn(HttpContext context) =>
        context.Features.Get<IHttpAuthenticationFeature>()?.User?.Identity?.IsAuthenticated == true;
}
