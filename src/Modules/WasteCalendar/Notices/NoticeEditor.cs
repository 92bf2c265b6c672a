using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Audit;
using Saas.Kernel.Content;
using Saas.Modules.WasteCalendar.Calendar;
using Saas.Modules.WasteCalendar.Data;
using Saas.Kernel.Tenancy;

namespace Saas.Modules.WasteCalendar.Notices;

/// <summary>What staff wrote for a notice, as posted.</summary>
internal sealed record NoticeRequest(string Text, IReadOnlyList<Guid> AreaIds, DateOnly? MovedFrom, DateOnly? MovedTo);

/// <summary>
/// Disruption notices: shown on the affected areas' pages until <see cref="Notice.ShowUntil"/>, and
/// mailed once to their confirmed subscribers by the reminder job. With a moved date the areas'
/// collections of that day move along, in the same transaction as the notice.
/// </summary>
internal sealed class NoticeEditor(WasteDbContext db, IAuditLog audit, IPublicPages pages, ITenantContext tenant, TimeProvider clock)
{
    public const int TextMax = 2000;

    /// <summary>How long a notice without a moved date stays on the pages.</summary>
    public const int ShownDays = 14;

    public async Task<string?> CreateAsync(NoticeRequest request, CancellationToken cancellationToken)
    {
        if (request.Text.Length is 0 or > TextMax)
        {
            return "waste.notice.error.text";
        }
        var areas = request.AreaIds.Distinct().ToList();
        if (areas.Count == 0 || await db.Areas.CountAsync(a => areas.Contains(a.Id), cancellationToken) != areas.Count)
        {
            return "waste.notice.error.areas";
        }
        if ((request.MovedFrom is null) != (request.MovedTo is null) || request.MovedFrom == request.MovedTo && request.MovedFrom is not null)
        {
            return "waste.notice.error.moved";
        }
        var today = TownToday.Of(tenant, clock);
        var notice = new Notice
        {
            Text = request.Text,
            MovedFrom = request.MovedFrom,
            MovedTo = request.MovedTo,
            ShowUntil = request.MovedFrom is { } from && request.MovedTo is { } to ? Max(Max(from, to), today) : today.AddDays(ShownDays),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Notices.Add(notice);
        db.NoticeAreas.AddRange(areas.Select(a => new NoticeArea { NoticeId = notice.Id, AreaId = a }));
        if (request.MovedFrom is { } day && request.MovedTo is { } target)
        {
            var moving = await db.Collections.Where(c => areas.Contains(c.AreaId) && c.Day == day).ToListAsync(cancellationToken);
            var taken = (await db.Collections.Where(c => areas.Contains(c.AreaId) && c.Day == target).Select(c => new { c.AreaId, c.TypeId }).ToListAsync(cancellationToken))
                .Select(c => (c.AreaId, c.TypeId)).ToHashSet();
            db.Collections.RemoveRange(moving);
            db.Collections.AddRange(moving.Where(c => !taken.Contains((c.AreaId, c.TypeId))).Select(c => new Collection { AreaId = c.AreaId, TypeId = c.TypeId, Day = target }));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync("waste.notice.created", Shorten(request.Text), request.MovedFrom is { } f ? $"{f:dd.MM.yyyy} → {request.MovedTo:dd.MM.yyyy}" : null, cancellationToken);
        await pages.ChangedAsync(cancellationToken);
        return null;
    }

    /// <summary>Deletes a notice of this town (its mails went already); false when there is none with the id.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null)
        {
            return false;
        }
        db.NoticeAreas.RemoveRange(await db.NoticeAreas.Where(n => n.NoticeId == id).ToListAsync(cancellationToken));
        db.NoticesSent.RemoveRange(await db.NoticesSent.Where(n => n.NoticeId == id).ToListAsync(cancellationToken));
        db.Notices.Remove(notice);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("waste.notice.deleted", Shorten(notice.Text), null, cancellationToken);
        await pages.ChangedAsync(cancellationToken);
        return true;
    }

    /// <summary>Notices shown now: for one area, or (null) all of the town with their areas.</summary>
    public async Task<IReadOnlyList<(Notice Notice, IReadOnlyList<Guid> Areas)>> CurrentAsync(Guid? areaId, CancellationToken cancellationToken)
    {
        var today = TownToday.Of(tenant, clock);
        var notices = await db.Notices.AsNoTracking().Where(n => n.ShowUntil >= today).OrderByDescending(n => n.CreatedAt).ToListAsync(cancellationToken);
        var ids = notices.Select(n => n.Id).ToList();
        var links = await db.NoticeAreas.AsNoTracking().Where(n => ids.Contains(n.NoticeId)).ToListAsync(cancellationToken);
        return [.. notices
            .Select(n => (n, (IReadOnlyList<Guid>)[.. links.Where(l => l.NoticeId == n.Id).Select(l => l.AreaId)]))
            .Where(x => areaId is null || x.Item2.Contains(areaId.Value))];
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
