using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Saas.Modules.News.Admin;

/// <summary>Web addresses from titles: German umlauts spelled out (ä → ae, ß → ss), other accents dropped.</summary>
internal static partial class SlugMaker
{
    public const int MaxLength = 100;

    public static string From(string text)
    {
        var spelled = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            spelled.Append(c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                _ => c.ToString(),
            });
        }
        var plain = new StringBuilder(spelled.Length);
        foreach (var c in spelled.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }
        var slug = NotAllowed().Replace(plain.ToString(), "-").Trim('-');
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }
        return slug;
    }

    /// <summary>The form a stored slug must have (the resident pages' route accepts only these).</summary>
    public static bool IsValid(string slug) => Valid().IsMatch(slug);

    /// <summary><paramref name="slug"/>, or with "-2", "-3" … appended until <paramref name="taken"/> says it is free.</summary>
    public static string Unique(string slug, Func<string, bool> taken)
    {
        if (!taken(slug))
        {
            return slug;
        }
        for (var n = 2; ; n++)
        {
            var suffix = $"-{n}";
            var candidate = (slug.Length + suffix.Length > MaxLength ? slug[..(MaxLength - suffix.Length)].TrimEnd('-') : slug) + suffix;
            if (!taken(candidate))
            {
                return candidate;
            }
        }
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAllowed();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex Valid();
}
