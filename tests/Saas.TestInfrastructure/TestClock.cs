namespace Saas.TestInfrastructure;

/// <summary>
/// A clock a test moves by hand: starts at the real time (so cookies, keys and codes look ordinary)
/// and then stands still until <see cref="Advance"/>. Timers still run on real time.
/// </summary>
public sealed class TestClock(DateTimeOffset? start = null) : TimeProvider
{
    private long _ticks = (start ?? DateTimeOffset.UtcNow).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public void SetTo(DateTimeOffset at) => Interlocked.Exchange(ref _ticks, at.UtcTicks);
}
