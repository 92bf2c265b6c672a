using System.Collections.Frozen;

namespace Saas.Host.Accounts.Passwords;

/// <summary>
/// The most common passwords from breach corpora (<c>breached-passwords.txt</c>, see the README
/// beside it), loaded once on first use and compared without regard to case or surrounding blanks.
/// </summary>
internal static class BreachedPasswords
{
    private const string Resource = "Saas.Host.Accounts.Passwords.breached-passwords.txt";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool Contains(string password) => List.Value.Contains(password.Trim());

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(BreachedPasswords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>(capacity: 30_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } entry)
            {
                entries.Add(entry);
            }
        }
        return entries.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
