using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Modules;
using Saas.Modules.Coworking.Booking;
using Saas.Modules.Coworking.Data;

namespace Saas.Modules.Coworking.Recipe;

/// <summary><c>steps.coworking</c>: spaces with their weekly hours and their desks and rooms; adds only spaces missing by name.</summary>
internal sealed class CoworkingRecipeStep : IRecipeStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

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
        foreach (var (s, i) in (data.Spaces ?? []).Select((s, i) => (s, i)))
        {
            var at = $"spaces[{i}]";
            Require(!string.IsNullOrWhiteSpace(s.Name) && s.Name.Length <= 120, $"{at}.name", "is required, at most 120 characters");
            Require(!string.IsNullOrWhiteSpace(s.Street) && !string.IsNullOrWhiteSpace(s.PostalCode) && !string.IsNullOrWhiteSpace(s.City), at, "street, postalCode and city are required");
            Require(!string.IsNullOrWhiteSpace(s.HouseRules) && s.HouseRules.Length <= 4000, $"{at}.houseRules", "is required, at most 4000 characters");
            Require(s.CancelHours is >= 0 and <= 720, $"{at}.cancelHours", "must be 0 to 720");
            Require(s.PassCents is >= 0 and <= 1000000, $"{at}.passCents", "must be 0 to 1000000");
            var days = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (h, j) in (s.OpeningHours ?? []).Select((h, j) => (h, j)))
            {
                Require(h.Day is not null && Weekdays.Contains(h.Day) && days.Add(h.Day), $"{at}.openingHours[{j}].day", "must be a weekday in English, once per space");
                Require(BookingInput.Minute(h.Opens) is { } o && BookingInput.Minute(h.Closes) is { } c && o < c && o % Spans.Grid == 0 && c % Spans.Grid == 0,
                    $"{at}.openingHours[{j}]", "opens and closes must be HH:mm on the half hour, opens before closes");
            }
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (w, j) in (s.Workplaces ?? []).Select((w, j) => (w, j)))
            {
                Require(!string.IsNullOrWhiteSpace(w.Name) && w.Name.Length <= 80 && names.Add(w.Name), $"{at}.workplaces[{j}].name", "is required, unique, at most 80 characters");
                Require(w.Kind is Workplace.Desk or Workplace.Room, $"{at}.workplaces[{j}].kind", "must be desk or room");
                Require(w.Capacity is >= 1 and <= 100, $"{at}.workplaces[{j}].capacity", "must be 1 to 100");
                Require(w.HourCents is >= 0 and <= 1000000 && w.HalfDayCents is >= 0 and <= 1000000 && w.DayCents is >= 0 and <= 1000000,
                    $"{at}.workplaces[{j}]", "hourCents, halfDayCents and dayCents must be 0 to 1000000");
            }
        }
    }

    public async Task ApplyAsync(JsonElement step, IServiceProvider services, CancellationToken cancellationToken)
    {
        var data = Parse(step, new RecipeValidationContext("recipe", "steps.coworking"));
        var db = services.GetRequiredService<CoworkingDbContext>();
        var existing = await db.Spaces.Select(s => s.Name).ToListAsync(cancellationToken);
        foreach (var s in (data.Spaces ?? []).Where(s => !existing.Contains(s.Name!)))
        {
            var space = new Space
            {
                Name = s.Name!.Trim(), Street = s.Street!.Trim(), PostalCode = s.PostalCode!.Trim(), City = s.City!.Trim(), AccessNotes = s.AccessNotes?.Trim(),
                HouseRules = s.HouseRules!.Trim(), CancelHours = s.CancelHours, PassCents = s.PassCents,
            };
            db.Spaces.Add(space);
            foreach (var h in s.OpeningHours ?? [])
            {
                db.Hours.Add(new SpaceHours
                {
                    SpaceId = space.Id, Weekday = Array.IndexOf(Weekdays, h.Day), OpensMinute = BookingInput.Minute(h.Opens)!.Value, ClosesMinute = BookingInput.Minute(h.Closes)!.Value,
                });
            }
            foreach (var w in s.Workplaces ?? [])
            {
                db.Workplaces.Add(new Workplace
                {
                    SpaceId = space.Id, Name = w.Name!.Trim(), Kind = w.Kind!, Capacity = w.Capacity, Monitor = w.Monitor, StandingDesk = w.StandingDesk, QuietZone = w.QuietZone,
                    HourCents = w.HourCents, HalfDayCents = w.HalfDayCents, DayCents = w.DayCents,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static CoworkingStep Parse(JsonElement step, RecipeValidationContext context)
    {
        try
        {
            return step.Deserialize<CoworkingStep>(Json) ?? throw new RecipeException(context.File, context.Path, "is empty");
        }
        catch (JsonException ex)
        {
            throw new RecipeException(context.File, $"{context.Path}{ex.Path?.TrimStart('$')}", $"invalid: {ex.Message.Split('\n')[0]}");
        }
    }
}

internal sealed record CoworkingStep(IReadOnlyList<SpaceStep>? Spaces);

internal sealed record SpaceStep(
    string? Name, string? Street, string? PostalCode, string? City, string? AccessNotes, string? HouseRules, int CancelHours, int PassCents,
    IReadOnlyList<HoursStep>? OpeningHours, IReadOnlyList<WorkplaceStep>? Workplaces);

internal sealed record HoursStep(string? Day, string? Opens, string? Closes);

internal sealed record WorkplaceStep(
    string? Name, string? Kind, int Capacity, bool Monitor, bool StandingDesk, bool QuietZone, int HourCents, int HalfDayCents, int DayCents);
