using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Privacy;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Reminders;

/// <summary>
/// The resident's reminder subscriptions, found by the e-mail address (subscribing needs no account).
/// Erasing deletes them with the record of what was mailed to them.
/// </summary>
internal sealed class WastePersonalData(WasteDbContext db) : IPersonalDataContributor
{
    public string Name => "waste-calendar";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var email = subject.Email.Trim().ToLowerInvariant();
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Email == email)
            .Join(db.Areas, s => s.AreaId, a => a.Id, (s, a) => new { s, area = a.Name })
            .ToListAsync(cancellationToken);
        return subscriptions.Count == 0 ? null : new
        {
            reminders = subscriptions.Select(x => new
            {
                area = x.area,
                email = x.s.Email,
                evening = x.s.Evening,
                time = ReminderTimes.Clock(x.s.RemindMinute),
                language = x.s.Culture,
                subscribedAt = DateTime.SpecifyKind(x.s.CreatedAt, DateTimeKind.Utc),
                confirmedAt = x.s.ConfirmedAt is { } c ? DateTime.SpecifyKind(c, DateTimeKind.Utc) : (DateTime?)null,
            }),
        };
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var email = subject.Email.Trim().ToLowerInvariant();
        await db.Subscriptions.Where(s => s.Email == email).ExecuteDeleteAsync(cancellationToken);
    }
}
