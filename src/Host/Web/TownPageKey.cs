using System.Globalization;

namespace Saas.Host.Web;

/// <summary>
/// The key of a cached page within its town: scheme, host, path, query and the raw culture cookie,
/// everything a town's answer to an anonymous request depends on (the town's version is checked by
/// <see cref="TownPageCache"/>). Written into a caller's buffer so a hit allocates nothing.
/// </summary>
internal static class TownPageKey
{
    /// <summary>Keys up to this length are built on the stack; longer ones (rare, long queries) on the heap.</summary>
    public const int StackLength = 512;

    /// <summary>
    /// Each part but the last is prefixed by its length, so no path, query or cookie value can be
    /// crafted to spell another request's key.
    /// </summary>
    public static int MaxLength(HttpRequest request, string? cultureCookie) =>
        1 + 4 * 11 + (request.Host.Value?.Length ?? 0) + (request.PathBase.Value?.Length ?? 0) + (request.Path.Value?.Length ?? 0)
        + (request.QueryString.Value?.Length ?? 0) + (cultureCookie?.Length ?? 0);

    public static int Write(HttpRequest request, string? cultureCookie, Span<char> destination)
    {
        var written = 0;
        destination[written++] = request.IsHttps ? 's' : 'h';
        // Host names are case-insensitive; the rest is compared as sent.
        var host = request.Host.Value.AsSpan();
        written += Prefix(host.Length, destination[written..]);
        written += host.ToLowerInvariant(destination[written..]);
        written += Part(request.PathBase.Value, destination[written..]);
        written += Part(request.Path.Value, destination[written..]);
        written += Part(request.QueryString.Value, destination[written..]);
        var culture = cultureCookie.AsSpan();
        culture.CopyTo(destination[written..]);
        return written + culture.Length;
    }

    private static int Part(ReadOnlySpan<char> value, Span<char> destination)
    {
        var written = Prefix(value.Length, destination);
        value.CopyTo(destination[written..]);
        return written + value.Length;
    }

    private static int Prefix(int length, Span<char> destination)
    {
        length.TryFormat(destination, out var written, provider: CultureInfo.InvariantCulture);
        destination[written] = ':';
        return written + 1;
    }
}
