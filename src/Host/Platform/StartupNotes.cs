using System.Collections.Concurrent;

namespace Saas.Host.Platform;

/// <summary>Lines that startup code wants the operator to see, printed under the addresses once the server listens.</summary>
internal sealed class StartupNotes
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IEnumerable<string> Lines => _lines;

    public void Add(string line) => _lines.Enqueue(line);
}
