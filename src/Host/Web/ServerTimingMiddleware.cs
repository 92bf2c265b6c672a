using System.Diagnostics;
using System.Globalization;

namespace Saas.Host.Web;

/// <summary>
/// Adds <c>Server-Timing: app;dur=…</c> (W3C Server Timing) with the time the host spent until the response
/// headers went out, so a benchmark can report server-side latency apart from the client and the network.
/// Only in the pipeline when <c>Platform:ServerTiming</c> is on.
/// </summary>
internal sealed class ServerTimingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={ms:F2}");
            return Task.CompletedTask;
        });
        return next(context);
    }
}
