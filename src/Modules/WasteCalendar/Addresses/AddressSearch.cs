using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Saas.Kernel.Tenancy;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Addresses;

/// <summary>One street (segment) that matches what a resident typed, with the area that collects there.</summary>
internal sealed record AddressMatch(Guid AreaId, string AreaName, string Village, string Street, int? FromNumber, int? ToNumber);

/// <summary>
/// Street search that forgives umlauts, "Str."/"Straße" and a typo or two. The town's streets are
/// kept in memory per town and version (a staff change raises the version), so a keystroke costs
/// no query.
/// </summary>
internal sealed partial class AddressSearch(WasteDbContext db, ITenantContext tenant, IMemoryCache cache)
{
    public const int MaxResults = 10;
    public const int MaxQueryLength = 120;

    public async Task<IReadOnlyList<string>> VillagesAsync(CancellationToken cancellationToken) =>
        [.. (await StreetsAsync(cancellationToken)).Select(s => s.Segment.Village).Distinct(StringComparer.Ordinal).Order(StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), false))];

    public async Task<IReadOnlyList<AddressMatch>> FindAsync(string? query, string? village, CancellationToken cancellationToken)
    {
        var (streetText, number) = Split(query);
        var key = AddressKey.Of(streetText);
        if (key.Length < 2)
        {
            return [];
        }
        var allowed = key.Length <= 4 ? 0 : key.Length <= 8 ? 1 : 2;
        var scored = new List<(int Score, Entry Entry)>();
        foreach (var entry in await StreetsAsync(cancellationToken))
        {
            if (!string.IsNullOrEmpty(village) && !string.Equals(entry.Segment.Village, village, StringComparison.Ordinal))
            {
                continue;
            }
            if (!entry.Segment.Covers(number))
            {
                continue;
            }
            var score = Score(key, entry.Segment.SearchKey, allowed);
            if (score is { } s)
            {
                scored.Add((s, entry));
            }
        }
        return [.. scored
            .OrderBy(s => s.Score)
            .ThenBy(s => s.Entry.Segment.Street, StringComparer.Ordinal)
            .ThenBy(s => s.Entry.Segment.Village, StringComparer.Ordinal)
            .ThenBy(s => s.Entry.Segment.FromNumber ?? 0)
            .Take(MaxResults)
            .Select(s => new AddressMatch(s.Entry.Segment.AreaId, s.Entry.AreaName, s.Entry.Segment.Village, s.Entry.Segment.Street, s.Entry.Segment.FromNumber, s.Entry.Segment.ToNumber))];
    }

    /// <summary>Lower is better; null: no match. Exact, then prefix, then contained, then near misses; umlauts without e last.</summary>
    internal static int? Score(string typed, string street, int allowed) =>
        StrictScore(typed, street, allowed) ?? (StrictScore(AddressKey.Loose(typed), AddressKey.Loose(street), allowed) is { } loose ? loose + 1 : null);

    private static int? StrictScore(string typed, string street, int allowed)
    {
        if (street == typed)
        {
            return 0;
        }
        if (street.StartsWith(typed, StringComparison.Ordinal))
        {
            return 1;
        }
        if (street.Contains(typed, StringComparison.Ordinal))
        {
            return 2;
        }
        if (allowed == 0)
        {
            return null;
        }
        var whole = AddressKey.Distance(typed, street, allowed);
        if (whole <= allowed)
        {
            return 3 + whole;
        }
        // Still typing, with a typo: compare with the start of the street name of the same length.
        if (typed.Length < street.Length)
        {
            var prefix = AddressKey.Distance(typed, street[..typed.Length], allowed);
            if (prefix <= allowed)
            {
                return 6 + prefix;
            }
        }
        return null;
    }

    /// <summary>"Mühlenweg 12a" is the street "Mühlenweg" and the house number 12.</summary>
    internal static (string Street, int? Number) Split(string? query)
    {
        var text = (query ?? "").Trim();
        if (text.Length > MaxQueryLength)
        {
            text = text[..MaxQueryLength];
        }
        var match = TrailingNumber().Match(text);
        return match.Success && int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (match.Groups[1].Value.Trim(), number)
            : (text, null);
    }

    private async Task<IReadOnlyList<Entry>> StreetsAsync(CancellationToken cancellationToken)
    {
        var town = tenant.Current ?? throw new InvalidOperationException("Address search runs inside a town.");
        var cacheKey = $"waste-streets:{town.Id:N}:{town.Version}";
        if (cache.TryGetValue<IReadOnlyList<Entry>>(cacheKey, out var cached) && cached is not null)
        {
            return cached;
        }
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var streets = await db.Streets.AsNoTracking().ToListAsync(cancellationToken);
        IReadOnlyList<Entry> entries = [.. streets.Select(s => new Entry(s, areas.GetValueOrDefault(s.AreaId, "")))];
        cache.Set(cacheKey, entries, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10), Size = entries.Count + 1 });
        return entries;
    }

    private sealed record Entry(StreetSegment Segment, string AreaName);

    [GeneratedRegex(@"^(.*\D)\s+(\d{1,5})\s*[a-zA-Z]?$")]
    private static partial Regex TrailingNumber();
}
