using Hangfire.Logging;

namespace Saas.Host.Jobs;

/// <summary>
/// Hangfire keeps one log provider for the whole process (a static), and each host that starts
/// replaces it with one bound to its own logger factory. With several hosts in one process (the
/// integration tests start many), a host that stops leaves a disposed factory behind, and the next
/// host's Hangfire fails at startup creating a logger. This provider drops log lines of a disposed
/// factory instead of throwing. One host per process (production) behaves exactly as before.
/// </summary>
internal sealed class DisposalSafeLogProvider(ILogProvider inner) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new SafeLog(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return SafeLog.Silent;
        }
    }

    private sealed class SafeLog(ILog? inner) : ILog
    {
        public static readonly SafeLog Silent = new(null);

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc!, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
