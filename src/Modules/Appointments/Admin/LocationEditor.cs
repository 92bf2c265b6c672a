using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Audit;
using Saas.Kernel.Content;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Admin;

/// <summary>What staff typed into the location form.</summary>
internal sealed class LocationInput
{
    public string? Name { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? AccessibilityNote { get; set; }
    public string? Counters { get; set; }
    public string? SlotMinutes { get; set; }
    public string? NoticeMinutes { get; set; }
    public string? HorizonDays { get; set; }

    /// <summary>Active bookings one e-mail address may hold here; empty means no limit.</summary>
    public string? MaxPerEmail { get; set; }
}

/// <summary>One opening interval, closed day or special day as typed.</summary>
internal sealed class HoursInput
{
    public string? Weekday { get; set; }
    public string? Day { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
    public string? Note { get; set; }
}

/// <summary>Everything staff see of one location: its rules, weekly hours, closed days and special days.</summary>
internal sealed record LocationSheet(Location Location, IReadOnlyList<OpeningHours> Hours, IReadOnlyList<ClosedDay> Closed, IReadOnlyList<SpecialDay> Special);

/// <summary>Creates and changes locations and their hours; each change is checked whole, saved once and audited.</summary>
internal sealed class LocationEditor(AppointmentsDbContext db, IAuditLog audit, IPublicPages pages, ITenantContext tenant, TimeProvider clock)
{
    public const int NameMax = 200;
    public const int NoteMax = 1000;

    public Task<Location?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Locations.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);

    public async Task<LocationSheet?> SheetAsync(Guid id, CancellationToken cancellationToken)
    {
        var location = await db.Locations.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (location is null)
        {
            return null;
        }
        var hours = await db.OpeningHours.AsNoTracking().Where(h => h.LocationId == id).OrderBy(h => h.Weekday).ThenBy(h => h.OpensMinute).ToListAsync(cancellationToken);
        var closed = await db.ClosedDays.AsNoTracking().Where(c => c.LocationId == id).OrderBy(c => c.Day).ToListAsync(cancellationToken);
        var special = await db.SpecialDays.AsNoTracking().Where(s => s.LocationId == id).OrderBy(s => s.Day).ThenBy(s => s.OpensMinute).ToListAsync(cancellationToken);
        // Monday first, as German calendars show the week.
        return new LocationSheet(location, [.. hours.OrderBy(h => (h.Weekday + 6) % 7).ThenBy(h => h.OpensMinute)], closed, special);
    }

    public static LocationInput InputOf(Location l) => new()
    {
        Name = l.Name, Street = l.Street, PostalCode = l.PostalCode, City = l.City, AccessibilityNote = l.AccessibilityNote,
        Counters = Text(l.Counters), SlotMinutes = Text(l.SlotMinutes), NoticeMinutes = Text(l.MinimumNoticeMinutes), HorizonDays = Text(l.HorizonDays),
        MaxPerEmail = l.MaxActiveBookingsPerEmail is { } cap ? Text(cap) : "",
    };

    public async Task<(Dictionary<string, string> Errors, Location? Saved)> SaveAsync(Guid? id, LocationInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var name = FormText.Clean(input.Name);
        var street = FormText.Clean(input.Street);
        var postal = FormText.Clean(input.PostalCode);
        var city = FormText.Clean(input.City);
        var note = FormText.Clean(input.AccessibilityNote, multiLine: true);
        var counters = FormText.Number(input.Counters);
        var grid = FormText.Number(input.SlotMinutes);
        var notice = FormText.Number(input.NoticeMinutes);
        var horizon = FormText.Number(input.HorizonDays);
        var capText = FormText.Clean(input.MaxPerEmail);
        var cap = capText.Length == 0 ? null : FormText.Number(capText);
        if (name.Length == 0) { errors["Name"] = "appointments.admin.error.name"; }
        else if (name.Length > NameMax) { errors["Name"] = "appointments.admin.error.nameLong"; }
        else if (await db.Locations.AnyAsync(l => l.Name == name && l.Id != id, cancellationToken)) { errors["Name"] = "appointments.admin.error.locationTaken"; }
        if (street.Length is 0 or > NameMax) { errors["Street"] = "appointments.admin.error.street"; }
        if (postal.Length is < 4 or > 10 || !postal.All(char.IsAsciiDigit)) { errors["PostalCode"] = "appointments.admin.error.postalCode"; }
        if (city.Length is 0 or > NameMax) { errors["City"] = "appointments.admin.error.city"; }
        if (note.Length > NoteMax) { errors["AccessibilityNote"] = "appointments.admin.error.textLong"; }
        if (counters is not (>= 1 and <= 100)) { errors["Counters"] = "appointments.admin.error.counters"; }
        if (grid is not (>= 5 and <= 240)) { errors["SlotMinutes"] = "appointments.admin.error.grid"; }
        if (notice is not (>= 0 and <= 43200)) { errors["NoticeMinutes"] = "appointments.admin.error.notice"; }
        if (horizon is not (>= 1 and <= 730)) { errors["HorizonDays"] = "appointments.admin.error.horizon"; }
        if (capText.Length > 0 && cap is not (>= 1 and <= 50)) { errors["MaxPerEmail"] = "appointments.admin.error.maxPerEmail"; }
        var location = id is { } existing ? await FindAsync(existing, cancellationToken) : null;
        if (id is not null && location is null)
        {
            return (errors, null);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (location is not null && grid is { } g && g != location.SlotMinutes
            && await db.Bookings.AnyAsync(b => b.LocationId == location.Id && b.CancelledAt == null && b.End > now, cancellationToken))
        {
            // Booked cells sit on the old grid; a new one would let bookings overlap them.
            errors["SlotMinutes"] = "appointments.admin.error.gridBooked";
        }
        if (errors.Count > 0)
        {
            return (errors, null);
        }
        var old = location is null ? null : $"{location.Name}: {location.Counters} × {location.SlotMinutes} min";
        if (location is null)
        {
            location = new Location { Name = name, Street = street, PostalCode = postal, City = city };
            db.Locations.Add(location);
        }
        (location.Name, location.Street, location.PostalCode, location.City) = (name, street, postal, city);
        location.AccessibilityNote = note.Length == 0 ? null : note;
        (location.Counters, location.SlotMinutes, location.MinimumNoticeMinutes, location.HorizonDays) = (counters!.Value, grid!.Value, notice!.Value, horizon!.Value);
        location.MaxActiveBookingsPerEmail = cap;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            errors["Name"] = "appointments.admin.error.locationTaken";
            return (errors, null);
        }
        if (old is not null)
        {
            // Cells already in the ledger take the new number of counters, never below what is booked in them.
            var town = tenant.TenantId!.Value;
            var capacity = location.Counters;
            await db.Database.ExecuteSqlAsync(
                $"UPDATE appointments_slot_counts SET capacity = CASE WHEN booked > {capacity} THEN booked ELSE {capacity} END WHERE tenant_id = {town} AND location_id = {location.Id} AND start_utc >= {now}",
                cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(old is null ? "appointments.location.created" : "appointments.location.changed", name,
            $"{old}{(old is null ? "" : " → ")}{location.Counters} × {location.SlotMinutes} min", cancellationToken);
        await pages.ChangedAsync(cancellationToken); // residents' pages and the API show services and hours
        return (errors, location);
    }

    /// <summary>Adds a weekly interval; it must not overlap another of that weekday.</summary>
    public async Task<Dictionary<string, string>> AddHoursAsync(Location location, HoursInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var weekday = FormText.Number(input.Weekday);
        var (opens, closes) = (FormText.Minute(input.Opens), FormText.Minute(input.Closes));
        if (weekday is not (>= 0 and <= 6)) { errors["Weekday"] = "appointments.admin.error.weekday"; }
        CheckInterval(opens, closes, errors);
        if (errors.Count == 0 && await db.OpeningHours.AnyAsync(
            h => h.LocationId == location.Id && h.Weekday == weekday && h.OpensMinute < closes && opens < h.ClosesMinute, cancellationToken))
        {
            errors["Opens"] = "appointments.admin.error.overlap";
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        db.OpeningHours.Add(new OpeningHours { LocationId = location.Id, Weekday = weekday!.Value, OpensMinute = opens!.Value, ClosesMinute = closes!.Value });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("appointments.hours.added", location.Name,
            $"{CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)weekday!.Value)} {FormText.Time(opens!.Value)}–{FormText.Time(closes!.Value)}", cancellationToken);
        await pages.ChangedAsync(cancellationToken); // residents' pages and the API show services and hours
        return errors;
    }

    public async Task<bool> RemoveHoursAsync(Location location, Guid hoursId, CancellationToken cancellationToken)
    {
        var hours = await db.OpeningHours.SingleOrDefaultAsync(h => h.Id == hoursId && h.LocationId == location.Id, cancellationToken);
        if (hours is null)
        {
            return false;
        }
        db.OpeningHours.Remove(hours);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("appointments.hours.removed", location.Name,
            $"{CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)hours.Weekday)} {FormText.Time(hours.OpensMinute)}–{FormText.Time(hours.ClosesMinute)}", cancellationToken);
        await pages.ChangedAsync(cancellationToken); // residents' pages and the API show services and hours
        return true;
    }

    public async Task<Dictionary<string, string>> AddClosedDayAsync(Location location, HoursInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var day = FormText.Day(input.Day);
        var reason = FormText.Clean(input.Note);
        if (day is null) { errors["ClosedDay"] = "appointments.admin.error.day"; }
        else if (await db.ClosedDays.AnyAsync(c => c.LocationId == location.Id && c.Day == day, cancellationToken)) { errors["ClosedDay"] = "appointments.admin.error.closedTaken"; }
        if (reason.Length > NameMax) { errors["ClosedReason"] = "appointments.admin.error.textLong"; }
        if (errors.Count > 0)
        {
            return errors;
        }
        db.ClosedDays.Add(new ClosedDay { LocationId = location.Id, Day = day!.Value, Reason = reason.Length == 0 ? null : reason });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            errors["ClosedDay"] = "appointments.admin.error.closedTaken";
            return errors;
        }
        await audit.RecordAsync("appointments.closed.added", location.Name, $"{FormText.Iso(day!.Value)} {reason}".Trim(), cancellationToken);
        await pages.ChangedAsync(cancellationToken); // residents' pages and the API show services and hours
        return errors;
    }

    public async Task<bool> RemoveClosedDayAsync(Location location, DateOnly day, CancellationToken cancellationToken)
    {
        var closed = await db.ClosedDays.SingleOrDefaultAsync(c => c.LocationId == location.Id && c.Day == day, cancellationToken);
        if (closed is null)
        {
            return false;
        }
        db.ClosedDays.Remove(closed);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("appointments.closed.removed", location.Name, FormText.Iso(day), cancellationToken);
        await pages.ChangedAsync(cancellationToken); // residents' pages and the API show services and hours
        return true;
    }

    /// <summary>Adds an interval on a date (special opening, itinerant office hours); must not overlap another of that date.</summary>
    public async Task<Dictionary<string, string>> AddSpecialDayAsync(Location location, HoursInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var day = FormText.Day(input.Day);
        var (opens, closes) = (FormText.Minute(input.Opens), FormText.Minute(input.Closes));
        var note = FormText.Clean(input.Note);
        if (day is null) { errors["SpecialDay"] = "appointments.admin.error.day"; }
        CheckInterval(opens, closes, errors, "Special");
        if (note.Length > NameMax) { errors["SpecialNote"] = "appointments.admin.error.textLong"; }
        if (errors.Count == 0 && await db.SpecialDays.AnyAsync(
            s => s.LocationId == location.Id && s.Day == day && s.OpensMinute < closes && opens < s.ClosesMinute, cancellationToken))
        {
            errors["SpecialOpens"] = "appointments.admin.error.overlap";
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        db.SpecialDays.Add(new SpecialDay { LocationId = location.Id, Day = day!.Value, OpensMinute = opens!.Value, ClosesMinute = closes!.Value, Note = note.Length == 0 ? null : note });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("appointments.special.added", location.Name,
            $"{FormText.Iso(day!.Value)} {FormText.Time(opens!.Value)}–{FormText.Time(closes!.Value)} {note}".Trim(), cancellationToken);
        await pages.ChangedAsync(cancellationToken); // residents' pages and the API show services and hours
        return errors;
    }

    public async Task<bool> RemoveSpecialDayAsync(Location location, Guid specialId, CancellationToken cancellationToken)
    {
        var special = await db.SpecialDays.SingleOrDefaultAsync(s => s.Id == specialId && s.LocationId == location.Id, cancellationToken);
        if (special is null)
        {
            return false;
        }
        db.SpecialDays.Remove(special);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("appointments.special.removed", location.Name,
            $"{FormText.Iso(special.Day)} {FormText.Time(special.OpensMinute)}–{FormText.Time(special.ClosesMinute)}", cancellationToken);
        await pages.ChangedAsync(cancellationToken); // residents' pages and the API show services and hours
        return true;
    }

    private static void CheckInterval(int? opens, int? closes, Dictionary<string, string> errors, string prefix = "")
    {
        if (opens is null or 1440) { errors[prefix + "Opens"] = "appointments.admin.error.time"; }
        if (closes is null) { errors[prefix + "Closes"] = "appointments.admin.error.time"; }
        else if (opens is { } o && o >= closes) { errors[prefix + "Closes"] = "appointments.admin.error.closesBeforeOpens"; }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
