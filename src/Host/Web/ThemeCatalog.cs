using System.Collections.Frozen;
using System.Text.Json;

namespace Saas.Host.Web;

/// <summary>The themes found under <c>themes/&lt;id&gt;/theme.json</c>.</summary>
internal sealed class ThemeCatalog
{
    private readonly FrozenDictionary<string, ThemeInfo> _themes;

    public ThemeCatalog(string themesPath)
    {
        Path = themesPath;
        _themes = Directory.EnumerateFiles(themesPath, "theme.json", SearchOption.AllDirectories)
            .Select(file => JsonSerializer.Deserialize<ThemeInfo>(File.ReadAllText(file), JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"{file} is empty."))
            .ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        if (_themes.Count == 0)
        {
            throw new InvalidOperationException($"No themes found in {themesPath}.");
        }
    }

    public string Path { get; }

    public IReadOnlyCollection<ThemeInfo> All => _themes.Values;

    public bool Exists(string id) => _themes.ContainsKey(id);
}

internal sealed record ThemeInfo(string Id, string Name, string Description, ThemeDefaults Defaults);

internal sealed record ThemeDefaults(string PrimaryColor, string SecondaryColor);
