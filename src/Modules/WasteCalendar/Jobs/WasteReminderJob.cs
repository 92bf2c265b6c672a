using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Saas.Kernel.Data;
using Saas.Kernel.Modules;
using Saas.Kernel.Tenancy;
using Saas.Modules.WasteCalendar.Calendar;
using Saas.Modules.WasteCalendar.Data;
using Saas.Modules.WasteCalendar.Reminders;

namespace Saas.Modules.WasteCalendar.Jobs;

/// <summary>
/// Every ten minutes, per town: the reminders that are due (the evening before or the morning of,
/// at the time each subscriber chose, in the town's time) and the disruption notices not yet mailed.
/// Each mail is claimed first by inserting its rows into <c>waste_reminders_sent</c> (key: subscription,
/// type, day; all types of one mail in one transaction) or <c>waste_notices_sent</c>; the database lets only one run insert a row, so two runs at
/// once (Hangfire delivers at least once, several nodes) send it exactly once. A failed send deletes
/// its claim so the next run tries again. Only confirmed subscriptions get anything.
/// </summary>
internal sealed partial class WasteReminderJob(
    WasteDbContext db, WasteMails mails, ITenantContext tenant, TimeProvider clock, ILogger<WasteReminderJob> logger) : ITenantJob
{
    public const string Id = "waste-reminders";

    /// <summary>A morning reminder later than this is no use any more: the bins are out or collected.</summary>
    public const int MorningLatestMinute = 12 * 60;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var local = TownToday.Now(tenant, clock);
        var today = DateOnly.FromDateTime(local);
        var minute = (local.Hour * 60) + local.Minute;
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.ConfirmedAt != null).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return;
        }
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, cancellationToken);
        await RemindAsync(subscriptions, areas, today, minute, cancellationToken);
        await MailNoticesAsync(subscriptions, areas, today, cancellationToken);
    }

    private async Task RemindAsync(List<Subscription> subscriptions, Dictionary<Guid, CollectionArea> areas, DateOnly today, int minute, CancellationToken cancellationToken)
    {
        var due = subscriptions
            .Where(s => minute >= s.RemindMinute && (s.Evening || minute < MorningLatestMinute))
            .Select(s => (Subscription: s, Day: s.Evening ? today.AddDays(1) : today))
            .ToList();
        if (due.Count == 0)
        {
            return;
        }
        var tomorrow = today.AddDays(1);
        var collections = await db.Collections.AsNoTracking().Where(c => c.Day == today || c.Day == tomorrow).ToListAsync(cancellationToken);
        var sent = (await db.RemindersSent.AsNoTracking().Where(r => r.Day == today || r.Day == tomorrow).ToListAsync(cancellationToken))
            .Select(r => (r.SubscriptionId, r.TypeId, r.Day)).ToHashSet();
        var types = await db.Types.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        foreach (var (subscription, day) in due)
        {
            var wanted = collections
                .Where(c => c.AreaId == subscription.AreaId && c.Day == day && subscription.Wants(c.TypeId) && !sent.Contains((subscription.Id, c.TypeId, day)))
                .Select(c => c.TypeId)
                .ToList();
            if (wanted.Count == 0 || !areas.TryGetValue(subscription.AreaId, out var area))
            {
                continue;
            }
            // One mail names every type due that day, so its types are claimed together, all or none: claimed one
            // by one, two runs at once could each win one type and both send a mail.
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = wanted;
            if (!await ClaimAsync(wanted.Select(typeId => new ReminderSent { SubscriptionId = subscription.Id, TypeId = typeId, Day = day, AreaId = subscription.AreaId, SentAt = now }), cancellationToken))
            {
                continue;
            }
            var names = claimed.Select(t => types[t]).OrderBy(t => t.SortOrder).Select(t => t.Name).ToList();
            try
            {
                await mails.SendReminderAsync(subscription, area, day, names, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotSent(logger, subscription.Id, ex);
                await db.RemindersSent.Where(r => r.SubscriptionId == subscription.Id && r.Day == day && claimed.Contains(r.TypeId)).ExecuteDeleteAsync(CancellationToken.None);
            }
        }
    }

    private async Task MailNoticesAsync(List<Subscription> subscriptions, Dictionary<Guid, CollectionArea> areas, DateOnly today, CancellationToken cancellationToken)
    {
        var notices = await db.Notices.AsNoTracking().Where(n => n.ShowUntil >= today).ToListAsync(cancellationToken);
        if (notices.Count == 0)
        {
            return;
        }
        var ids = notices.Select(n => n.Id).ToList();
        var noticeAreas = await db.NoticeAreas.AsNoTracking().Where(n => ids.Contains(n.NoticeId)).ToListAsync(cancellationToken);
        var sent = (await db.NoticesSent.AsNoTracking().Where(n => ids.Contains(n.NoticeId)).ToListAsync(cancellationToken))
            .Select(n => (n.NoticeId, n.SubscriptionId)).ToHashSet();
        foreach (var notice in notices)
        {
            var affected = noticeAreas.Where(n => n.NoticeId == notice.Id).Select(n => n.AreaId).ToHashSet();
            foreach (var subscription in subscriptions.Where(s => affected.Contains(s.AreaId) && !sent.Contains((notice.Id, s.Id))))
            {
                if (!areas.TryGetValue(subscription.AreaId, out var area)
                    || !await ClaimAsync([new NoticeSent { NoticeId = notice.Id, SubscriptionId = subscription.Id, SentAt = clock.GetUtcNow().UtcDateTime }], cancellationToken))
                {
                    continue;
                }
                try
                {
                    await mails.SendNoticeAsync(subscription, area, notice, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogNotSent(logger, subscription.Id, ex);
                    await db.NoticesSent.Where(n => n.NoticeId == notice.Id && n.SubscriptionId == subscription.Id).ExecuteDeleteAsync(CancellationToken.None);
                }
            }
        }
    }

    /// <summary>Inserts the claim rows in one transaction, committed before any mail leaves; false when another run holds any of them.</summary>
    private async Task<bool> ClaimAsync<T>(IEnumerable<T> claims, CancellationToken cancellationToken) where T : class
    {
        db.AddRange(claims);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex) || IsGone(ex))
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The subscription was deleted (unsubscribed) since it was read: its claim has nothing to point to.</summary>
    private static bool IsGone(DbUpdateException ex) =>
        ex.InnerException is Npgsql.PostgresException { SqlState: "23503" } or Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 787 };

    [LoggerMessage(LogLevel.Warning, "A waste calendar mail to subscription {SubscriptionId} could not be sent; the next run tries again.")]
    private static partial void LogNotSent(ILogger logger, Guid subscriptionId, Exception exception);
}
