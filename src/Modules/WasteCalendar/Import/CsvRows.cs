using System.Globalization;
using System.Text;

namespace Saas.Modules.WasteCalendar.Import;

/// <summary>A row the import understood: which area, which type, which day; names as written in the file.</summary>
internal sealed record ImportRow(int Line, string Area, string Type, DateOnly Day);

/// <summary>Why a line (0: the whole file) could not be read; <see cref="Key"/> is a text key, <see cref="Value"/> the offending text.</summary>
internal sealed record ImportProblem(int Line, string Key, string? Value = null);

/// <summary>
/// Reads a county's CSV: header row with the columns Datum, Art and Gebiet (in any order, other
/// names accepted), separated by ';' or ',', quoted fields as Excel writes them, dates in the German
/// notations (05.01.2027, 5.1.27, 05.01. with the year chosen on the form) and ISO 2027-01-05.
/// </summary>
internal static class CsvRows
{
    private static readonly string[] DateNames = ["datum", "date", "termin", "abfuhrtermin", "abholung"];
    private static readonly string[] TypeNames = ["art", "abfallart", "typ", "type", "fraktion", "abfall"];
    private static readonly string[] AreaNames = ["gebiet", "bezirk", "abfuhrbezirk", "area", "revier", "ort", "ortsteil"];

    public static (IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems) Read(string text, int defaultYear)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var headerIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerIndex < 0)
        {
            return ([], [new ImportProblem(0, "waste.import.error.empty")]);
        }
        var header = lines[headerIndex];
        var separator = header.Count(c => c == ';') >= header.Count(c => c == ',') && header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var names = Fields(header, separator).Select(n => n.Trim().Trim('\uFEFF').ToLowerInvariant()).ToList();
        int Column(string[] accepted) => names.FindIndex(accepted.Contains);
        var (date, type, area) = (Column(DateNames), Column(TypeNames), Column(AreaNames));
        var missing = new List<string>();
        if (date < 0) { missing.Add("Datum"); }
        if (type < 0) { missing.Add("Art"); }
        if (area < 0) { missing.Add("Gebiet"); }
        if (missing.Count > 0)
        {
            return ([], [new ImportProblem(headerIndex + 1, "waste.import.error.columns", string.Join(", ", missing))]);
        }
        var rows = new List<ImportRow>();
        var problems = new List<ImportProblem>();
        var needed = Math.Max(date, Math.Max(type, area)) + 1;
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Trim(separator).Length == 0)
            {
                continue;
            }
            var line = i + 1;
            var fields = Fields(lines[i], separator);
            if (fields.Count < needed)
            {
                problems.Add(new ImportProblem(line, "waste.import.error.fields", lines[i].Trim()));
                continue;
            }
            var areaName = fields[area].Trim();
            var typeName = fields[type].Trim();
            if (areaName.Length == 0 || typeName.Length == 0)
            {
                problems.Add(new ImportProblem(line, "waste.import.error.blank", lines[i].Trim()));
                continue;
            }
            if (ParseDay(fields[date], defaultYear) is not { } day)
            {
                problems.Add(new ImportProblem(line, "waste.import.error.date", fields[date].Trim()));
                continue;
            }
            rows.Add(new ImportRow(line, areaName, typeName, day));
        }
        return (rows, problems);
    }

    /// <summary>05.01.2027, 5.1.2027, 5.1.27, 2027-01-05; 05.01. or 5.1. in <paramref name="defaultYear"/>.</summary>
    public static DateOnly? ParseDay(string text, int defaultYear)
    {
        var value = text.Trim();
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }
        var parts = value.Split('.');
        if (parts.Length != 3 || !Number(parts[0], 1, 2, out var d) || !Number(parts[1], 1, 2, out var m))
        {
            return null;
        }
        int year;
        if (parts[2].Length == 0)
        {
            year = defaultYear;
        }
        else if (Number(parts[2], 2, 2, out var yy))
        {
            // Two-digit years are this century's: a waste calendar never looks back to 1927.
            year = 2000 + yy;
        }
        else if (!Number(parts[2], 4, 4, out year))
        {
            return null;
        }
        return year is > 2000 and < 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(year, m) ? new DateOnly(year, m, d) : null;
    }

    private static bool Number(string text, int minDigits, int maxDigits, out int value)
    {
        value = 0;
        return text.Length >= minDigits && text.Length <= maxDigits && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Splits one line; a field in double quotes may hold the separator, "" is a quote.</summary>
    internal static List<string> Fields(string line, char separator)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.ToString().Trim().Length == 0)
            {
                current.Clear();
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }
}
