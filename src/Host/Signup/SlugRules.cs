using System.Globalization;
using System.Text;

namespace Saas.Host.Signup;

/// <summary>
/// The town's address on the platform (<c>{slug}.{platform domain}</c>): a DNS label of lower-case
/// ASCII letters, digits and inner hyphens, 3 to 40 long, neither one of the platform's own names
/// nor offensive.
/// </summary>
internal static class SlugRules
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    /// <summary>Names the platform uses or may use itself, and names that would mislead residents.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "www", "admin", "api", "app", "apps", "auth", "billing", "blog", "cdn", "dashboard", "demo", "dev", "docs", "ftp",
        "help", "hilfe", "imap", "intern", "login", "mail", "mx", "ns", "ns1", "ns2", "platform", "plattform", "pop", "portal",
        "rathausplatz", "root", "service", "smtp", "staging", "static", "status", "stripe", "support", "test", "webmail",
        "bund", "bundesregierung", "polizei", "feuerwehr", "notruf", "finanzamt", "bundestag", "landtag",
    };

    /// <summary>
    /// Words no town address may consist of or contain as a part between hyphens. Whole parts only:
    /// real municipalities such as Marschacht or Negernbötel contain such letters inside a name.
    /// </summary>
    private static readonly HashSet<string> Offensive = new(StringComparer.Ordinal)
    {
        "arsch", "fick", "ficken", "fotze", "hure", "nazi", "nazis", "hitler", "wichser", "schlampe", "nigger", "kanake", "kanaken",
        "fuck", "shit", "bitch", "cunt", "porn", "porno", "siegheil", "heilhitler", "88hh", "kkk",
    };

    /// <summary>Null when <paramref name="slug"/> may be used; otherwise the text key of the problem.</summary>
    public static string? Check(string slug)
    {
        if (slug.Length is < MinLength or > MaxLength || !slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            || slug.StartsWith('-') || slug.EndsWith('-') || slug.Contains("--", StringComparison.Ordinal))
        {
            return "signup.error.slugFormat";
        }
        if (Reserved.Contains(slug))
        {
            return "signup.error.slugReserved";
        }
        var parts = slug.Split('-');
        return Offensive.Contains(slug.Replace("-", "", StringComparison.Ordinal)) || parts.Any(Offensive.Contains) ? "signup.error.slugOffensive" : null;
    }

    /// <summary>A suggestion from the municipality's name: "Bad Belzig" → "bad-belzig", "Görzke" → "goerzke".</summary>
    public static string Suggest(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            var spelt = c switch
            {
                'ä' => "ae", 'ö' => "oe", 'ü' => "ue", 'ß' => "ss",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => Fold(c),
            };
            text.Append(spelt);
        }
        var slug = string.Join('-', text.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
    }

    // Accents fall away (é → e); anything else (spaces, slashes, dots) becomes a hyphen.
    private static string Fold(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var letter = decomposed.FirstOrDefault(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark);
        return char.IsAsciiLetterOrDigit(letter) ? letter.ToString() : "-";
    }
}
