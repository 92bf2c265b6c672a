using System.Collections.Concurrent;

namespace Saas.BrowserTests.Infrastructure;

/// <summary>
/// One sign-in at a time per account. Test classes run in parallel and share accounts and the
/// hand-moved clock; two sign-ins of one account inside the same 30-second step would send the same
/// authenticator code twice, and the server rightly refuses the replay.
/// </summary>
internal static class SignInLock
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<IDisposable> ForAsync(string email)
    {
        var gate = Locks.GetOrAdd(email, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
