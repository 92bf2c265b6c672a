using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Reminders;

/// <summary>What a resident asked for on the subscribe form, already checked by the page.</summary>
internal sealed record SubscribeRequest(Guid AreaId, string Email, IReadOnlyList<Guid> Types, bool Evening, int Minute, string Culture);

internal enum ConfirmOutcome { Confirmed, Expired, Invalid }

/// <summary>
/// Subscribe (double opt-in), confirm, unsubscribe. The page answers the same whether or not the
/// address already had a subscription, so the form tells nobody who is subscribed.
/// </summary>
internal sealed partial class Subscriber(
    WasteDbContext db, WasteMails mails, SubscriptionTokens tokens, ITenantContext tenant, TimeProvider clock, ILogger<Subscriber> logger)
{
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromHours(48);

    /// <summary>A second submit within this time sends no second mail (the first link stays good).</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(10);

    /// <summary>Null when done (or nothing to do); else the text key of the problem.</summary>
    public async Task<string?> SubscribeAsync(SubscribeRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var area = await db.Areas.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.AreaId, cancellationToken);
        if (area is null)
        {
            return "waste.remind.error.area";
        }
        var existing = await db.Subscriptions.SingleOrDefaultAsync(s => s.AreaId == request.AreaId && s.Email == request.Email, cancellationToken);
        if (existing is { ConfirmedAt: not null } || (existing is not null && existing.CreatedAt > now - ResendAfter))
        {
            // Confirmed already, or a double submit: one subscription, no second mail.
            return null;
        }
        var token = SubscriptionTokens.NewConfirmToken();
        var subscription = existing ?? new Subscription { AreaId = request.AreaId, Email = request.Email, TypeIds = "", Culture = request.Culture };
        subscription.TypeIds = string.Join(',', request.Types.Select(t => t.ToString("N")));
        subscription.Evening = request.Evening;
        subscription.RemindMinute = request.Minute;
        subscription.Culture = request.Culture;
        subscription.CreatedAt = now;
        subscription.ConfirmHash = SubscriptionTokens.Hash(token);
        subscription.ConfirmExpiresAt = now + ConfirmLifetime;
        if (existing is null)
        {
            db.Subscriptions.Add(subscription);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The same form sent twice at the same moment: the other request made the one subscription and mails.
            db.ChangeTracker.Clear();
            return null;
        }
        try
        {
            await mails.SendOptInAsync(subscription, area, token, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, subscription.Id, ex);
            // Without the mail nobody can confirm; let the next try start afresh.
            subscription.CreatedAt = now - ResendAfter;
            await db.SaveChangesAsync(CancellationToken.None);
            return "waste.remind.error.mail";
        }
        return null;
    }

    public async Task<ConfirmOutcome> ConfirmAsync(Guid id, string? token, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null || !SubscriptionTokens.Matches(token, subscription.ConfirmHash))
        {
            return ConfirmOutcome.Invalid;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (subscription.ConfirmExpiresAt is not { } expires || expires < now)
        {
            return ConfirmOutcome.Expired;
        }
        subscription.ConfirmedAt = now;
        subscription.ConfirmHash = null;
        subscription.ConfirmExpiresAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return ConfirmOutcome.Confirmed;
    }

    /// <summary>Deletes the subscription the token names (with its claims); false when the token is not genuine here.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var town = tenant.TenantId ?? throw new InvalidOperationException("Unsubscribing outside a town.");
        if (tokens.ReadUnsubscribe(town, token) is not { } id)
        {
            return false;
        }
        await db.Subscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether the token is genuine here (the GET page shows its button only then).</summary>
    public bool IsGenuine(string? token) => tenant.TenantId is { } town && tokens.ReadUnsubscribe(town, token) is not null;

    [LoggerMessage(LogLevel.Warning, "The confirmation mail of waste subscription {SubscriptionId} could not be sent.")]
    private static partial void LogNotSent(ILogger logger, Guid subscriptionId, Exception exception);
}
