using System.Diagnostics;

namespace Saas.IntegrationTests.Isolation;

/// <summary>
/// Counts the SQL commands Npgsql runs against one database (from its tracing activities), so a
/// test can prove its requests really reached PostgreSQL instead of a cache. Filtered by the
/// database name, which is unique per test, because other test classes run in parallel.
/// </summary>
public sealed class DatabaseCommandCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private long _count;

    public DatabaseCommandCounter(string database, string tableInQuery)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.namespace") as string == database
                    && (activity.GetTagItem("db.query.text") as string)?.Contains(tableInQuery, StringComparison.Ordinal) == true)
                {
                    Interlocked.Increment(ref _count);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
