using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace Saas.IntegrationTests.Infrastructure;

/// <summary>
/// The output cache, with its entries' lifetimes measured on the test's clock as well as on the
/// real one: with a hand-moved clock, "this page may live until the article's publication time"
/// must run out when the test moves the clock there, as it does in production on real time.
/// </summary>
internal sealed class ClockedOutputCacheStore(IOutputCacheStore inner, TimeProvider clock) : IOutputCacheStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expires = new(StringComparer.Ordinal);

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        _expires.TryGetValue(key, out var expires) && clock.GetUtcNow() >= expires
            ? ValueTask.FromResult<byte[]?>(null)
            : inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        _expires[key] = clock.GetUtcNow() + validFor;
        return inner.SetAsync(key, value, tags, validFor, cancellationToken);
    }
}
