using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saas.Modules.Coworking.Booking;
using Saas.Modules.Coworking.Data;

namespace Saas.Modules.Coworking.Admin;

/// <summary>Creates and changes the town's spaces, their weekly hours and their desks and rooms; errors are text keys per field.</summary>
internal sealed class SpaceEditor(CoworkingDbContext db)
{
    public Task<Space?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Spaces.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<SpaceSheet?> SheetAsync(Guid id, CancellationToken cancellationToken)
    {
        var space = await db.Spaces.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (space is null)
        {
            return null;
        }
        var hours = await db.Hours.AsNoTracking().Where(h => h.SpaceId == id).ToListAsync(cancellationToken);
        var workplaces = await db.Workplaces.AsNoTracking().Where(w => w.SpaceId == id).OrderBy(w => w.Kind).ThenBy(w => w.Name).ToListAsync(cancellationToken);
        return new SpaceSheet(space, hours, workplaces);
    }

    /// <summary>Saves the space and its week in one go; nothing is stored when any field is wrong.</summary>
    public async Task<(Dictionary<string, string> Errors, Space? Saved)> SaveAsync(Guid? id, SpaceInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        string Text(string field, string? value, int max, bool required = true, bool multiLine = false)
        {
            var clean = FormText.Clean(value, multiLine);
            if (required && clean.Length == 0)
            {
                errors[field] = "coworking.admin.error.required";
            }
            else if (clean.Length > max)
            {
                errors[field] = "coworking.admin.error.tooLong";
            }
            else if (FormText.HasMarkup(clean))
            {
                errors[field] = "coworking.admin.error.markup";
            }
            return clean;
        }
        var name = Text("Name", input.Name, 120);
        var street = Text("Street", input.Street, 120);
        var postal = Text("PostalCode", input.PostalCode, 10);
        var city = Text("City", input.City, 80);
        var access = Text("AccessNotes", input.AccessNotes, 2000, required: false, multiLine: true);
        var rules = Text("HouseRules", input.HouseRules, 4000, multiLine: true);
        var cancelHours = int.TryParse(input.CancelHours?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c <= 720 ? c : (int?)null;
        if (cancelHours is null)
        {
            errors["CancelHours"] = "coworking.admin.error.cancelHours";
        }
        var pass = Money.Parse(input.PassPrice);
        if (pass is null)
        {
            errors["PassPrice"] = "coworking.admin.error.price";
        }
        var week = new List<(int Weekday, int Opens, int Closes)>();
        for (var d = 0; d < 7; d++)
        {
            var (o, cl) = (input.Opens.ElementAtOrDefault(d), input.Closes.ElementAtOrDefault(d));
            if (string.IsNullOrWhiteSpace(o) && string.IsNullOrWhiteSpace(cl))
            {
                continue;
            }
            if (BookingInput.Minute(o) is { } opens && BookingInput.Minute(cl) is { } closes && opens < closes && opens % Spans.Grid == 0 && closes % Spans.Grid == 0)
            {
                week.Add((d, opens, closes));
            }
            else
            {
                errors[$"Opens[{d}]"] = "coworking.admin.error.hours";
            }
        }
        if (errors.Count > 0)
        {
            return (errors, null);
        }
        var space = id is { } existing ? await FindAsync(existing, cancellationToken) : null;
        if (id is not null && space is null)
        {
            return (errors, null);
        }
        if (space is null)
        {
            space = new Space { Name = name, Street = street, PostalCode = postal, City = city, HouseRules = rules };
            db.Spaces.Add(space);
        }
        (space.Name, space.Street, space.PostalCode, space.City, space.AccessNotes, space.HouseRules, space.CancelHours, space.PassCents) =
            (name, street, postal, city, access.Length == 0 ? null : access, rules, cancelHours!.Value, pass!.Value);
        // The week is replaced as a whole: removing first keeps the one-interval-per-weekday key free.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Hours.RemoveRange(await db.Hours.Where(h => h.SpaceId == space.Id).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        db.Hours.AddRange(week.Select(w => new SpaceHours { SpaceId = space.Id, Weekday = w.Weekday, OpensMinute = w.Opens, ClosesMinute = w.Closes }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (errors, space);
    }

    public async Task<Dictionary<string, string>> AddWorkplaceAsync(Space space, WorkplaceInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var name = FormText.Clean(input.Name);
        if (name.Length is 0 or > 80)
        {
            errors["WorkplaceName"] = "coworking.admin.error.required";
        }
        else if (FormText.HasMarkup(name))
        {
            errors["WorkplaceName"] = "coworking.admin.error.markup";
        }
        else if (await db.Workplaces.AnyAsync(w => w.SpaceId == space.Id && w.Name == name, cancellationToken))
        {
            errors["WorkplaceName"] = "coworking.admin.error.duplicate";
        }
        if (input.Kind is not (Workplace.Desk or Workplace.Room))
        {
            errors["Kind"] = "coworking.admin.error.kind";
        }
        var capacity = int.TryParse(input.Capacity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var cap) && cap is >= 1 and <= 100 ? cap : (int?)null;
        if (capacity is null)
        {
            errors["Capacity"] = "coworking.admin.error.capacity";
        }
        var (hour, half, day) = (Money.Parse(input.HourPrice), Money.Parse(input.HalfDayPrice), Money.Parse(input.DayPrice));
        foreach (var (field, value) in new[] { ("HourPrice", hour), ("HalfDayPrice", half), ("DayPrice", day) })
        {
            if (value is null)
            {
                errors[field] = "coworking.admin.error.price";
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        db.Workplaces.Add(new Workplace
        {
            SpaceId = space.Id, Name = name, Kind = input.Kind!, Capacity = capacity!.Value, Monitor = input.Monitor, StandingDesk = input.StandingDesk, QuietZone = input.QuietZone,
            HourCents = hour!.Value, HalfDayCents = half!.Value, DayCents = day!.Value,
        });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>Retires a workplace (no new bookings) or brings it back; false when the space has no such workplace.</summary>
    public async Task<bool> ToggleWorkplaceAsync(Space space, Guid workplaceId, CancellationToken cancellationToken)
    {
        var workplace = await db.Workplaces.SingleOrDefaultAsync(w => w.Id == workplaceId && w.SpaceId == space.Id, cancellationToken);
        if (workplace is null)
        {
            return false;
        }
        workplace.Active = !workplace.Active;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

internal sealed record SpaceSheet(Space Space, IReadOnlyList<SpaceHours> Hours, IReadOnlyList<Workplace> Workplaces);
