using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Saas.Host.Tenancy;
using Saas.Kernel.Content;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Web;

/// <summary>
/// Answers a town's cached pages straight after the town is known: no localization, routing or
/// page code runs for a hit. A hit still spends the client's rate-limit budget (the same limiter
/// the pipeline uses, one lease); when the budget is spent the request goes on down the pipeline,
/// whose rate limiter answers 429 as for any other request. A miss runs the pipeline and keeps
/// the answer when <see cref="TownPageCachePolicy"/> allows.
/// </summary>
internal sealed class TownPageCacheMiddleware(
    RequestDelegate next, TownPageCache cache, TimeProvider clock, IOptions<RateLimiterOptions> rateLimiting, IOptions<RequestLocalizationOptions> localization)
{
    private readonly PartitionedRateLimiter<HttpContext>? _limiter = rateLimiting.Value.GlobalLimiter;
    private readonly string _cultureCookieName = TownPageCachePolicy.CultureCookieName(localization.Value);
    private readonly ConcurrentDictionary<(Guid Town, long Version, string Key), Task> _rendering = new();

    public Task InvokeAsync(HttpContext context)
    {
        var tenant = context.Features.Get<SiteFeature>()?.Tenant;
        if (tenant is null || !TownPageCachePolicy.MayUse(context, _cultureCookieName, out var cultureCookie))
        {
            return next(context);
        }
        var page = Find(context.Request, tenant, cultureCookie, out var key);
        return page is not null ? ServeAsync(context, page) : RenderOnceAsync(context, tenant, key!);
    }

    /// <summary>The cached page, or null and the key to store the answer under.</summary>
    private CachedPage? Find(HttpRequest request, TenantSnapshot tenant, string? cultureCookie, out string? key)
    {
        var length = TownPageKey.MaxLength(request, cultureCookie);
        Span<char> buffer = length <= TownPageKey.StackLength ? stackalloc char[TownPageKey.StackLength] : new char[length];
        var written = TownPageKey.Write(request, cultureCookie, buffer);
        var page = cache.Find(tenant, buffer[..written]);
        key = page is null ? new string(buffer[..written]) : null;
        return page;
    }

    private async Task ServeAsync(HttpContext context, CachedPage page)
    {
        using var lease = _limiter?.AttemptAcquire(context);
        if (lease is { IsAcquired: false })
        {
            await next(context);
            return;
        }
        var response = context.Response;
        foreach (var (name, value) in page.Headers)
        {
            response.Headers[name] = value;
        }
        response.ContentLength = page.Body.Length;
        response.Headers.Age = AgeText(clock.GetElapsedTime(page.StoredAt));
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.BodyWriter.WriteAsync(page.Body, context.RequestAborted);
        }
    }

    /// <summary>
    /// When a page is missing (first visit, expired, town changed) and many ask for it at once, one
    /// request renders it and the others wait for its answer, as the framework's output cache did
    /// with locking; should the answer not be cacheable, each renders its own afterwards.
    /// </summary>
    private async Task RenderOnceAsync(HttpContext context, TenantSnapshot tenant, string key)
    {
        var slot = (tenant.Id, tenant.Version, key);
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_rendering.TryAdd(slot, rendered.Task))
        {
            try
            {
                await RenderAndStoreAsync(context, tenant, key);
            }
            finally
            {
                _rendering.TryRemove(slot, out _);
                rendered.SetResult();
            }
            return;
        }
        if (_rendering.TryGetValue(slot, out var other))
        {
            await other.WaitAsync(context.RequestAborted);
        }
        if (cache.Find(tenant, key) is { } page)
        {
            await ServeAsync(context, page);
            return;
        }
        await RenderAndStoreAsync(context, tenant, key);
    }

    private async Task RenderAndStoreAsync(HttpContext context, TenantSnapshot tenant, string key)
    {
        var response = context.Response;
        var before = response.Headers.ToArray();
        var client = context.Features.Get<IHttpResponseBodyFeature>()!;
        var capture = new PageCaptureStream(client.Stream, TownPageCachePolicy.MaxBodyBytes);
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(capture, client));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(client);
        }
        if (capture.Captured is { } body && TownPageCachePolicy.MayStore(context, body.Length))
        {
            var staleAt = await NextScheduledChangeAsync(context);
            cache.Store(tenant, key, new CachedPage(OwnHeaders(response.Headers, before), body, clock.GetTimestamp(), key.Length, staleAt));
        }
    }

    /// <summary>
    /// The earliest time at which the town's scheduled content changes by itself (wall clock, which
    /// can jump: the page is stale from then on even within its lifetime);
    /// asked once per stored page, so the cost falls on misses only.
    /// </summary>
    private async Task<DateTime?> NextScheduledChangeAsync(HttpContext context)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? first = null;
        foreach (var schedule in context.RequestServices.GetServices<IContentSchedule>())
        {
            if (await schedule.NextChangeAfterAsync(now, context.RequestAborted) is { } next && (first is null || next < first))
            {
                first = next;
            }
        }
        return first;
    }

    /// <summary>The headers the town's code set or changed; the ones in front are set again for every request.</summary>
    private static KeyValuePair<string, StringValues>[] OwnHeaders(IHeaderDictionary headers, KeyValuePair<string, StringValues>[] before) =>
        headers.Where(h => !PerResponse.Contains(h.Key) && !before.Any(b => string.Equals(b.Key, h.Key, StringComparison.OrdinalIgnoreCase) && b.Value == h.Value)).ToArray();

    /// <summary>Headers that belong to one response, not to the page.</summary>
    private static readonly HashSet<string> PerResponse = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Age, HeaderNames.Date, HeaderNames.Server, HeaderNames.SetCookie, HeaderNames.ContentLength,
        HeaderNames.TransferEncoding, HeaderNames.Connection, HeaderNames.KeepAlive,
    };

    private static readonly string[] Ages = Enumerable.Range(0, (int)TownPageCachePolicy.Lifetime.TotalSeconds + 1)
        .Select(s => s.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string AgeText(TimeSpan age) => Ages[Math.Clamp((int)age.TotalSeconds, 0, Ages.Length - 1)];
}
