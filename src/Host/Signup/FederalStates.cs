namespace Saas.Host.Signup;

/// <summary>
/// The 16 federal states with the two-digit prefix of their official municipality keys (AGS,
/// Amtlicher Gemeindeschlüssel: state, district, municipality, 2 + 1 + 2 + 3 digits).
/// </summary>
internal static class FederalStates
{
    public static readonly IReadOnlyList<(string Code, string AgsPrefix, string Name)> All =
    [
        ("BW", "08", "Baden-Württemberg"), ("BY", "09", "Bayern"), ("BE", "11", "Berlin"), ("BB", "12", "Brandenburg"),
        ("HB", "04", "Bremen"), ("HH", "02", "Hamburg"), ("HE", "06", "Hessen"), ("MV", "13", "Mecklenburg-Vorpommern"),
        ("NI", "03", "Niedersachsen"), ("NW", "05", "Nordrhein-Westfalen"), ("RP", "07", "Rheinland-Pfalz"), ("SL", "10", "Saarland"),
        ("SN", "14", "Sachsen"), ("ST", "15", "Sachsen-Anhalt"), ("SH", "01", "Schleswig-Holstein"), ("TH", "16", "Thüringen"),
    ];

    public static bool Exists(string? code) => All.Any(s => s.Code == code);

    public static string Name(string code) => All.Single(s => s.Code == code).Name;

    /// <summary>Null when the key is well-formed and belongs to <paramref name="state"/>; otherwise the text key of the problem.</summary>
    public static string? CheckAgs(string ags, string? state)
    {
        if (ags.Length != 8 || !ags.All(char.IsAsciiDigit))
        {
            return "signup.error.agsFormat";
        }
        var prefix = ags[..2];
        if (All.All(s => s.AgsPrefix != prefix))
        {
            return "signup.error.agsState";
        }
        return state is not null && All.Single(s => s.AgsPrefix == prefix).Code != state ? "signup.error.agsMismatch" : null;
    }
}
