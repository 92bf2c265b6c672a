using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Modules;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Recipe;

/// <summary>Seeds locations (hours, closed days) and services from <c>steps.appointments</c>; adds only what is missing, by name.</summary>
internal sealed class AppointmentsRecipeStep : IRecipeStep
{
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
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (l, i) in (data.Locations ?? []).Select((l, i) => (l, i)))
        {
            var at = $"locations[{i}]";
            Require(!string.IsNullOrWhiteSpace(l.Key) && keys.Add(l.Key), $"{at}.key", "is required and unique");
            Require(!string.IsNullOrWhiteSpace(l.Name), $"{at}.name", "is required");
            Require(!string.IsNullOrWhiteSpace(l.Street) && !string.IsNullOrWhiteSpace(l.PostalCode) && !string.IsNullOrWhiteSpace(l.City), at, "street, postalCode and city are required");
            Require(l.Counters is >= 1 and <= 100, $"{at}.counters", "must be 1 to 100");
            Require(l.SlotMinutes is >= 5 and <= 240, $"{at}.slotMinutes", "must be 5 to 240");
            Require(l.MinimumNoticeMinutes >= 0, $"{at}.minimumNoticeMinutes", "must not be negative");
            Require(l.HorizonDays is >= 1 and <= 730, $"{at}.horizonDays", "must be 1 to 730");
            foreach (var (h, j) in (l.OpeningHours ?? []).Select((h, j) => (h, j)))
            {
                Require(Weekday(h.Day) is not null, $"{at}.openingHours[{j}].day", "must be an English weekday name");
                Require(Minute(h.Opens) is { } o && Minute(h.Closes) is { } c && o < c, $"{at}.openingHours[{j}]", "opens and closes must be HH:mm, opens before closes");
            }
            Require((l.ClosedDays ?? []).All(d => d.Date is not null), $"{at}.closedDays", "every entry needs a date (YYYY-MM-DD)");
        }
        foreach (var (s, i) in (data.Services ?? []).Select((s, i) => (s, i)))
        {
            Require(s.Location is not null && keys.Contains(s.Location), $"services[{i}].location", $"unknown location '{s.Location}'");
            Require(!string.IsNullOrWhiteSpace(s.Name) && s.Name.Length <= 200, $"services[{i}].name", "is required (at most 200 characters)");
            Require(!string.IsNullOrWhiteSpace(s.Description), $"services[{i}].description", "is required");
            Require(s.WhatToBring is not null, $"services[{i}].whatToBring", "is required");
            Require(s.DurationMinutes is >= 5 and <= 480, $"services[{i}].durationMinutes", "must be 5 to 480");
        }
    }

    public async Task ApplyAsync(JsonElement step, IServiceProvider services, CancellationToken cancellationToken)
    {
        var data = Parse(step, new RecipeValidationContext("recipe", "steps.appointments"));
        var db = services.GetRequiredService<AppointmentsDbContext>();
        var locations = await db.Locations.ToDictionaryAsync(l => l.Name, cancellationToken);
        var byKey = new Dictionary<string, Location>(StringComparer.Ordinal);
        foreach (var l in data.Locations ?? [])
        {
            if (!locations.TryGetValue(l.Name!, out var location))
            {
                location = new Location
                {
                    Name = l.Name!, Street = l.Street!, PostalCode = l.PostalCode!, City = l.City!, AccessibilityNote = l.AccessibilityNote,
                    Counters = l.Counters, SlotMinutes = l.SlotMinutes, MinimumNoticeMinutes = l.MinimumNoticeMinutes, HorizonDays = l.HorizonDays,
                };
                db.Locations.Add(location);
                locations[location.Name] = location;
                // Hours belong to a new location only: a re-run never doubles them, nor undoes staff changes.
                foreach (var h in l.OpeningHours ?? [])
                {
                    db.OpeningHours.Add(new OpeningHours
                    {
                        LocationId = location.Id, Weekday = (int)Weekday(h.Day)!.Value, OpensMinute = Minute(h.Opens)!.Value, ClosesMinute = Minute(h.Closes)!.Value,
                    });
                }
            }
            byKey[l.Key!] = location;
            var closed = (await db.ClosedDays.Where(c => c.LocationId == location.Id).Select(c => c.Day).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var d in (l.ClosedDays ?? []).Where(d => closed.Add(d.Date!.Value)))
            {
                db.ClosedDays.Add(new ClosedDay { LocationId = location.Id, Day = d.Date!.Value, Reason = d.Reason });
            }
        }
        var existing = (await db.Services.Select(s => s.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var s in (data.Services ?? []).Where(s => existing.Add(s.Name!)))
        {
            db.Services.Add(new Service
            {
                LocationId = byKey[s.Location!].Id, Name = s.Name!, Description = s.Description!, WhatToBring = s.WhatToBring!,
                DurationMinutes = s.DurationMinutes, FeeNote = s.FeeNote,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static DayOfWeek? Weekday(string? day) =>
        Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var d) && Enum.IsDefined(d) && !int.TryParse(day, out _) ? d : null;

    internal static int? Minute(string? time) =>
        TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? (t.Hour * 60) + t.Minute
        : time == "24:00" ? 1440 : null;

    private static AppointmentsStep Parse(JsonElement step, RecipeValidationContext context)
    {
        try
        {
            return step.Deserialize<AppointmentsStep>(Json) ?? throw new RecipeException(context.File, context.Path, "is empty");
        }
        catch (JsonException ex)
        {
            throw new RecipeException(context.File, $"{context.Path}{ex.Path?.TrimStart('$')}", $"invalid: {ex.Message.Split('\n')[0]}");
        }
    }
}
