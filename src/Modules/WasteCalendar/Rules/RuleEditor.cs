using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Audit;
using Saas.Kernel.Content;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Rules;

/// <summary>A rule as staff posted it.</summary>
internal sealed record RuleRequest(Guid AreaId, Guid TypeId, int EveryWeeks, DayOfWeek Weekday, DateOnly Starts, DateOnly Ends);

/// <summary>
/// Recurring rules and their exceptions. Writing a rule's dates adds the collections it gives that
/// are missing, so running it again adds nothing; an exception removes the date it replaces. Dates
/// already written stay when a rule is deleted (they are ordinary collections then). Methods answer
/// the text key of a problem, or null when done.
/// </summary>
internal sealed class RuleEditor(WasteDbContext db, IAuditLog audit, IPublicPages pages, ITenantContext tenant)
{
    /// <summary>A rule spans at most this many days, so one post never writes thousands of rows.</summary>
    public const int MaxSpanDays = 3 * 366;

    public async Task<string?> CreateAsync(RuleRequest request, CancellationToken cancellationToken)
    {
        var area = await db.Areas.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.AreaId, cancellationToken);
        var type = await db.Types.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.TypeId, cancellationToken);
        if (area is null || type is null)
        {
            return "waste.admin.error.notFound";
        }
        if (request.EveryWeeks is < 1 or > 8)
        {
            return "waste.rule.error.weeks";
        }
        if (request.Ends < request.Starts || request.Ends.DayNumber - request.Starts.DayNumber > MaxSpanDays)
        {
            return "waste.rule.error.span";
        }
        var rule = new Rule
        {
            AreaId = request.AreaId, TypeId = request.TypeId, EveryWeeks = request.EveryWeeks,
            Weekday = request.Weekday, Starts = request.Starts, Ends = request.Ends,
        };
        db.Rules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("waste.rule.created", $"{type.Name} ({area.Name})", $"{request.EveryWeeks}w {request.Weekday} {request.Starts:dd.MM.yyyy}-{request.Ends:dd.MM.yyyy}", cancellationToken);
        return await WriteAsync(rule.Id, cancellationToken);
    }

    /// <summary>Adds the collections the rule gives that are missing; the same call again adds none.</summary>
    public async Task<string?> WriteAsync(Guid ruleId, CancellationToken cancellationToken)
    {
        if (await db.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == ruleId, cancellationToken) is not { } rule)
        {
            return "waste.admin.error.notFound";
        }
        var dates = DatesOf(rule, await ExceptionsAsync(ruleId, cancellationToken));
        return await ApplyAsync(rule, dates, [], cancellationToken);
    }

    public async Task<string?> AddExceptionAsync(Guid ruleId, DateOnly day, DateOnly? movedTo, CancellationToken cancellationToken)
    {
        if (await db.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == ruleId, cancellationToken) is not { } rule)
        {
            return "waste.admin.error.notFound";
        }
        var exceptions = await ExceptionsAsync(ruleId, cancellationToken);
        var before = DatesOf(rule, exceptions);
        var after = DatesOf(rule, [.. exceptions.Where(e => e.Day != day), new RuleDateException(day, movedTo)]);
        if (before.SequenceEqual(after))
        {
            return "waste.rule.error.notADate";
        }
        db.RuleExceptions.Where(e => e.RuleId == ruleId && e.Day == day).ToList().ForEach(e => db.RuleExceptions.Remove(e));
        db.RuleExceptions.Add(new RuleException { RuleId = ruleId, Day = day, MovedTo = movedTo });
        return await ApplyAsync(rule, after, [.. before.Except(after)], cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid ruleId, CancellationToken cancellationToken)
    {
        if (await db.Rules.SingleOrDefaultAsync(r => r.Id == ruleId, cancellationToken) is not { } rule)
        {
            return false;
        }
        db.RuleExceptions.RemoveRange(await db.RuleExceptions.Where(e => e.RuleId == ruleId).ToListAsync(cancellationToken));
        db.Rules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("waste.rule.deleted", null, null, cancellationToken);
        return true;
    }

    public IReadOnlyList<DateOnly> DatesOf(Rule rule, IReadOnlyList<RuleDateException> exceptions) =>
        RuleDates.Of(rule.Weekday, rule.EveryWeeks, rule.Starts, rule.Ends, tenant.Current?.Settings.FederalState, exceptions);

    public async Task<IReadOnlyList<RuleDateException>> ExceptionsAsync(Guid ruleId, CancellationToken cancellationToken) =>
        [.. (await db.RuleExceptions.AsNoTracking().Where(e => e.RuleId == ruleId).OrderBy(e => e.Day).ToListAsync(cancellationToken))
            .Select(e => new RuleDateException(e.Day, e.MovedTo))];

    private async Task<string?> ApplyAsync(Rule rule, IReadOnlyList<DateOnly> dates, IReadOnlyList<DateOnly> removed, CancellationToken cancellationToken)
    {
        var existing = (await db.Collections.Where(c => c.AreaId == rule.AreaId && c.TypeId == rule.TypeId).ToListAsync(cancellationToken)).ToDictionary(c => c.Day);
        db.Collections.RemoveRange(removed.Where(existing.ContainsKey).Select(d => existing[d]));
        db.Collections.AddRange(dates.Where(d => !existing.ContainsKey(d)).Select(d => new Collection { AreaId = rule.AreaId, TypeId = rule.TypeId, Day = d }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            return "waste.admin.error.concurrent";
        }
        await audit.RecordAsync("waste.rule.written", null, $"{dates.Count} dates, {removed.Count} removed", cancellationToken);
        await pages.ChangedAsync(cancellationToken);
        return null;
    }
}
