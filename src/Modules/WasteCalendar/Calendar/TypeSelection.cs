using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Calendar;

/// <summary>The <c>types</c> parameter of feeds and pages: comma-separated type ids of the town, none meaning all.</summary>
internal static class TypeSelection
{
    public const int MaxTypes = 50;

    /// <summary>The chosen ids, or null when one is no id or not one of the town's types.</summary>
    public static IReadOnlyList<Guid>? Parse(IEnumerable<string?> values, IReadOnlyList<WasteType> townTypes)
    {
        var known = townTypes.Select(t => t.Id).ToHashSet();
        var chosen = new List<Guid>();
        foreach (var part in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (chosen.Count >= MaxTypes || !Guid.TryParse(part, out var id) || !known.Contains(id))
            {
                return null;
            }
            if (!chosen.Contains(id))
            {
                chosen.Add(id);
            }
        }
        return chosen;
    }

    public static string Query(IReadOnlyCollection<Guid> ids) => string.Join(",", ids.Select(i => i.ToString("N")));
}
