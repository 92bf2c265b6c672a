using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Saas.Kernel.Localization;

/// <summary>
/// The interface's strings, German first, English second. Each assembly embeds
/// <c>strings.de.json</c> and <c>strings.en.json</c> (flat key → text, keys prefixed by area);
/// a key missing in English falls back to German, so a resident never sees a raw key.
/// </summary>
public sealed class Texts
{
    public const string German = "de";
    public const string English = "en";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;

    public Texts(IEnumerable<Assembly> assemblies)
    {
        var all = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            [German] = new(StringComparer.Ordinal),
            [English] = new(StringComparer.Ordinal),
        };
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var culture in all.Keys)
            {
                Load(assembly, culture, all[culture]);
            }
        }
        _byCulture = all.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public static IReadOnlyList<string> SupportedCultures { get; } = [German, English];

    /// <summary>The text for <paramref name="key"/> in the current UI culture.</summary>
    public string this[string key] => Get(key, CultureInfo.CurrentUICulture);

    /// <summary>The text with <see cref="string.Format(IFormatProvider, string, object[])"/> arguments.</summary>
    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[key], args);

    public string Get(string key, CultureInfo culture)
    {
        var language = culture.TwoLetterISOLanguageName == English ? English : German;
        if (_byCulture[language].TryGetValue(key, out var text) || _byCulture[German].TryGetValue(key, out text))
        {
            return text;
        }
        return key;
    }

    /// <summary>All keys of one language, for the completeness test.</summary>
    public IReadOnlyCollection<string> Keys(string language) => _byCulture[language].Keys;

    private static void Load(Assembly assembly, string culture, Dictionary<string, string> target)
    {
        var suffix = $".strings.{culture}.json";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(suffix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"{name} is empty.");
            foreach (var (key, value) in entries)
            {
                if (!target.TryAdd(key, value))
                {
                    throw new InvalidOperationException($"Text key '{key}' is defined twice ({name}).");
                }
            }
        }
    }
}
