namespace Saas.Modules.WasteCalendar.Data;

/// <summary>The icon keys a waste type may use, and the six types a town starts with.</summary>
internal static class WasteIcons
{
    public static readonly IReadOnlyList<string> Keys = ["rest", "bio", "papier", "gelb", "sperr", "schadstoff", "glas", "gruen"];

    /// <summary>Colours chosen to be told apart and to carry no text: the name always stands beside the swatch.</summary>
    public static readonly IReadOnlyList<(string Name, string Colour, string Icon)> Defaults =
    [
        ("Restmüll", "#4b4b4b", "rest"),
        ("Bioabfall", "#7a4a1e", "bio"),
        ("Papier", "#1f5fbf", "papier"),
        ("Gelbe Tonne/Wertstoffe", "#e0b400", "gelb"),
        ("Sperrmüll", "#8a2be2", "sperr"),
        ("Schadstoffmobil", "#c0392b", "schadstoff"),
    ];

    /// <summary>A glyph per icon key; shown beside (never instead of) the type's name, hidden from screen readers.</summary>
    public static string Glyph(string key) => key switch
    {
        "rest" => "●",
        "bio" => "❦",
        "papier" => "▤",
        "gelb" => "◆",
        "sperr" => "▣",
        "schadstoff" => "▲",
        "glas" => "◯",
        "gruen" => "✿",
        _ => "■",
    };
}
