using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Modules;
using Saas.Modules.WasteCalendar.Addresses;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Recipe;

/// <summary>Seeds waste types, areas, streets and collection dates from <c>steps.waste-calendar</c>; adds only what is missing, by name.</summary>
internal sealed class WasteRecipeStep : IRecipeStep
{
    /// <summary>A series may not write more than this many dates (a typo in <c>until</c> must not seed a century).</summary>
    public const int MaxSeriesDates = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public void Validate(JsonElement step, RecipeValidationContext context)
    {
        var data = Parse(step, context);
        void Require(bool ok, string field, string problem)
        {
            if (!ok)
            {
                throw new RecipeException(context.File, $"{context.Path}.{field}", problem);
            }
        }
        var types = Types(data).ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (t, i) in types.Select((t, i) => (t, i)))
        {
            Require(!string.IsNullOrWhiteSpace(t.Name) && t.Name.Length <= 80 && names.Add(t.Name), $"types[{i}].name", "is required, unique, at most 80 characters");
            Require(WasteTypeRules.IsColour(t.Colour), $"types[{i}].colour", "must be #rrggbb in lower case");
            Require(t.Icon is not null && WasteIcons.Keys.Contains(t.Icon), $"types[{i}].icon", "must be one of " + string.Join(", ", WasteIcons.Keys));
        }
        var areas = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (a, i) in (data.Areas ?? []).Select((a, i) => (a, i)))
        {
            var at = $"areas[{i}]";
            Require(!string.IsNullOrWhiteSpace(a.Name) && a.Name.Length <= 120 && areas.Add(a.Name), $"{at}.name", "is required, unique, at most 120 characters");
            foreach (var (s, j) in (a.Streets ?? []).Select((s, j) => (s, j)))
            {
                Require(!string.IsNullOrWhiteSpace(s.Village) && !string.IsNullOrWhiteSpace(s.Street) && s.Street.Length <= 120, $"{at}.streets[{j}]", "village and street are required");
                Require(s.From is null or >= 0 && s.To is null or >= 0 && (s.From is null || s.To is null || s.From <= s.To), $"{at}.streets[{j}]", "from and to must be house numbers, from not after to");
            }
            foreach (var (s, j) in (a.Series ?? []).Select((s, j) => (s, j)))
            {
                Require(s.Type is not null && names.Contains(s.Type), $"{at}.series[{j}].type", $"unknown type '{s.Type}'");
                Require(s.First is not null && s.Until is not null && s.First <= s.Until, $"{at}.series[{j}]", "first and until are required dates, first not after until");
                Require(s.EveryWeeks is >= 1 and <= 52, $"{at}.series[{j}].everyWeeks", "must be 1 to 52");
                Require(s.First is null || s.Until is null || (s.Until.Value.DayNumber - s.First.Value.DayNumber) / (7 * Math.Max(1, s.EveryWeeks)) < MaxSeriesDates,
                    $"{at}.series[{j}].until", $"writes more than {MaxSeriesDates} dates");
            }
            foreach (var (d, j) in (a.Dates ?? []).Select((d, j) => (d, j)))
            {
                Require(d.Type is not null && names.Contains(d.Type), $"{at}.dates[{j}].type", $"unknown type '{d.Type}'");
                Require(d.Date is not null, $"{at}.dates[{j}].date", "is required (YYYY-MM-DD)");
            }
        }
    }

    public async Task ApplyAsync(JsonElement step, IServiceProvider services, CancellationToken cancellationToken)
    {
        var data = Parse(step, new RecipeValidationContext("recipe", "steps.waste-calendar"));
        var db = services.GetRequiredService<WasteDbContext>();
        var types = await db.Types.ToDictionaryAsync(t => t.Name, cancellationToken);
        var order = types.Count;
        foreach (var t in Types(data).Where(t => !types.ContainsKey(t.Name!)))
        {
            var type = new WasteType { Name = t.Name!, Colour = t.Colour!, Icon = t.Icon!, SortOrder = order++ };
            db.Types.Add(type);
            types[type.Name] = type;
        }
        var areas = await db.Areas.ToDictionaryAsync(a => a.Name, cancellationToken);
        foreach (var a in data.Areas ?? [])
        {
            if (areas.ContainsKey(a.Name!))
            {
                continue; // an existing area belongs to staff now; a re-run never doubles its streets or dates
            }
            var area = new CollectionArea { Name = a.Name! };
            db.Areas.Add(area);
            areas[area.Name] = area;
            foreach (var s in a.Streets ?? [])
            {
                db.Streets.Add(new StreetSegment
                {
                    AreaId = area.Id, Village = s.Village!.Trim(), Street = s.Street!.Trim(), SearchKey = AddressKey.Of(s.Street), FromNumber = s.From, ToNumber = s.To,
                });
            }
            var days = new HashSet<(Guid, DateOnly)>();
            foreach (var s in a.Series ?? [])
            {
                for (var day = s.First!.Value; day <= s.Until!.Value; day = day.AddDays(7 * s.EveryWeeks))
                {
                    days.Add((types[s.Type!].Id, day));
                }
            }
            foreach (var d in a.Dates ?? [])
            {
                days.Add((types[d.Type!].Id, d.Date!.Value));
            }
            foreach (var (type, day) in days)
            {
                db.Collections.Add(new Collection { AreaId = area.Id, TypeId = type, Day = day });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<TypeStep> Types(WasteStep data) =>
        data.Types ?? [.. WasteIcons.Defaults.Select(d => new TypeStep(d.Name, d.Colour, d.Icon))];

    private static WasteStep Parse(JsonElement step, RecipeValidationContext context)
    {
        try
        {
            return step.Deserialize<WasteStep>(Json) ?? throw new RecipeException(context.File, context.Path, "is empty");
        }
        catch (JsonException ex)
        {
            throw new RecipeException(context.File, $"{context.Path}{ex.Path?.TrimStart('$')}", $"invalid: {ex.Message.Split('\n')[0]}");
        }
    }
}
