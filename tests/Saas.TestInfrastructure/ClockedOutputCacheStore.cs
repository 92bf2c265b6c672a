using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace Saas.TestInfrastructure;

/// <summary>
/// The output cache, with its entries' lifetimes measured on the test's clock as well as on the
/// real one: with a hand-moved clock, "this page may live until the article's publication time"
/// must run out when the test moves the clock there, as it does in production on real time.
/// </summary>
public sealed class ClockedOutputCacheStore(IOutputCacheStore inner, TimeProvider clock) : IOutputCacheStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expires = new(StringComparer.Ordinal);

    /// <summary>Makes the app run on <paramref name="clock"/>, and its output cache's entry lifetimes with it.</summary>
    public static void UseClock(Microsoft.Extensions.DependencyInjection.IServiceCollection services, TimeProvider clock)
    {
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, clock);
        var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(store);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IOutputCacheStore>(services, provider => new ClockedOutputCacheStore(
            store.ImplementationInstance as IOutputCacheStore
                ?? (IOutputCacheStore)(store.ImplementationFactory?.Invoke(provider)
                    ?? Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(provider, store.ImplementationType!)),
            clock));
    }

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
