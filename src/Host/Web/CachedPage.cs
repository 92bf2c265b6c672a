using Microsoft.Extensions.Primitives;

namespace Saas.Host.Web;

/// <summary>
/// A town's answer, ready to be sent again: the headers its own code set and the body bytes.
/// Headers of the middleware in front (security headers, HSTS) are not kept; they run for every
/// request anyway, so a cached page can never carry another request's.
/// </summary>
internal sealed class CachedPage(KeyValuePair<string, StringValues>[] headers, byte[] body, long storedAt, int keyLength, DateTime? staleAtUtc = null)
{
    /// <summary>When scheduled content next changes the page by itself (UTC wall clock); null when nothing is scheduled.</summary>
    public DateTime? StaleAtUtc { get; } = staleAtUtc;

    public KeyValuePair<string, StringValues>[] Headers { get; } = headers;
    public byte[] Body { get; } = body;

    /// <summary>When it was stored, as a <see cref="TimeProvider.GetTimestamp"/> value.</summary>
    public long StoredAt { get; } = storedAt;

    /// <summary>What it holds in memory, roughly: body, headers, key and the objects around them.</summary>
    public long Size { get; } = body.Length + 2L * keyLength + 256 + headers.Sum(h => 64 + 2L * (h.Key.Length + h.Value.ToString().Length));
}
