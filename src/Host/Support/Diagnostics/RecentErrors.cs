using System.Collections.Concurrent;
using Saas.Host.Tenancy;

namespace Saas.Host.Support.Diagnostics;

/// <summary>One error log entry as the console shows it (message and exception type, no stack trace).</summary>
internal sealed record RecentError(DateTimeOffset At, string Category, string Message, string? Exception);

/// <summary>
/// Keeps the last <see cref="PerTown"/> Error-level log entries of each town in memory, on this node
/// only (the console says so): a quick look at what went wrong lately, not a log store. An entry
/// belongs to a town when it was written inside the town's log scope (<see cref="TenantLogScope"/>,
/// or a job's <c>TenantId</c> scope), or during a request on the town's host (the exception
/// handler logs after the request's scope has closed).
/// </summary>
internal sealed class RecentErrors(TimeProvider clock)
{
    public const int PerTown = 50;

    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<RecentError>> _byTown = new();

    public void Add(Guid tenantId, RecentError error)
    {
        var queue = _byTown.GetOrAdd(tenantId, _ => new ConcurrentQueue<RecentError>());
        queue.Enqueue(error);
        while (queue.Count > PerTown && queue.TryDequeue(out _))
        {
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RecentError> For(Guid tenantId) =>
        _byTown.TryGetValue(tenantId, out var queue) ? queue.Reverse().ToList() : [];

    public DateTimeOffset Now => clock.GetUtcNow();
}

/// <summary>The logger provider that feeds <see cref="RecentErrors"/>; it reads the scopes of every logger.</summary>
[ProviderAlias("SupportRecentErrors")]
internal sealed class RecentErrorsLoggerProvider(RecentErrors store, IHttpContextAccessor http) : ILoggerProvider, ISupportExternalScope
{
    private const int MaxMessage = 1000;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    private RecentErrors Store => store;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private Guid? CurrentTown()
    {
        Guid? found = null;
        _scopes.ForEachScope((scope, _) =>
        {
            switch (scope)
            {
                case TenantLogScope town:
                    found = town.TenantId;
                    break;
                case IEnumerable<KeyValuePair<string, object>> pairs:
                    foreach (var (key, value) in pairs)
                    {
                        if (key == "TenantId" && value is Guid id)
                        {
                            found = id;
                        }
                    }
                    break;
            }
        }, (object?)null);
        return found ?? http.HttpContext?.Features.Get<SiteFeature>()?.Tenant?.Id;
    }

    private sealed class Logger(RecentErrorsLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || provider.CurrentTown() is not { } town)
            {
                return;
            }
            var message = formatter(state, exception);
            provider.Store.Add(town, new RecentError(
                provider.Store.Now,
                category,
                message.Length > MaxMessage ? message[..MaxMessage] : message,
                exception is null ? null : $"{exception.GetType().Name}: {exception.Message}"));
        }
    }
}
