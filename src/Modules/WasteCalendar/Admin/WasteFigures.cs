using Microsoft.EntityFrameworkCore;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Admin;

/// <summary>Subscribers of one area: confirmed (they get mail) and still waiting for their confirmation.</summary>
internal sealed record AreaSubscribers(string Area, int Confirmed, int Pending);

/// <summary>What the staff overview shows about reminders. E-mail is the only channel that is counted:
/// calendar feeds are anonymous downloads and leave nothing to count.</summary>
internal sealed record ReminderFigures(IReadOnlyList<AreaSubscribers> PerArea, int RemindersLast30Days, int NoticesLast30Days);

internal sealed class WasteFigures(WasteDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public async Task<ReminderFigures> GetAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        var counts = await db.Subscriptions.AsNoTracking()
            .GroupBy(s => new { s.AreaId, Confirmed = s.ConfirmedAt != null })
            .Select(g => new { g.Key.AreaId, g.Key.Confirmed, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var perArea = areas.Select(a => new AreaSubscribers(
            a.Name,
            counts.Where(c => c.AreaId == a.Id && c.Confirmed).Sum(c => c.Count),
            counts.Where(c => c.AreaId == a.Id && !c.Confirmed).Sum(c => c.Count))).ToList();
        // One reminder mail covers every type of one day: count mails, not types.
        var reminders = await db.RemindersSent.AsNoTracking().Where(r => r.SentAt >= since)
            .Select(r => new { r.SubscriptionId, r.Day }).Distinct().CountAsync(cancellationToken);
        var notices = await db.NoticesSent.AsNoTracking().CountAsync(n => n.SentAt >= since, cancellationToken);
        return new ReminderFigures(perArea, reminders, notices);
    }
}
