using Saas.Kernel.Data;

namespace Saas.Modules.WasteCalendar.Data;

/// <summary>
/// A resident's wish to be reminded by e-mail of the collections of one area. Nothing is sent until
/// <see cref="ConfirmedAt"/> is set by the link in the confirmation mail (double opt-in); only the
/// link's hash is kept, and it expires. Several addresses of one person are several subscriptions.
/// </summary>
internal sealed class Subscription : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AreaId { get; set; }

    /// <summary>Trimmed and lower case, so the same address typed twice is one subscription per area.</summary>
    public required string Email { get; set; }

    /// <summary>Chosen types as comma-separated ids ("N" format); empty means every type.</summary>
    public required string TypeIds { get; set; }

    /// <summary>True: the evening before; false: the morning of the collection.</summary>
    public bool Evening { get; set; }

    /// <summary>Minute of the town's local day at which the reminder goes out (e.g. 18:00 = 1080).</summary>
    public int RemindMinute { get; set; }
    public required string Culture { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? ConfirmHash { get; set; }
    public DateTime? ConfirmExpiresAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }

    public IReadOnlyList<Guid> Types =>
        [.. TypeIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParseExact(s, "N", out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty)];

    public bool Wants(Guid typeId) => TypeIds.Length == 0 || Types.Contains(typeId);
}

/// <summary>The claim that a reminder of one collection went to one subscription; its key makes it go once.</summary>
internal sealed class ReminderSent : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid TypeId { get; set; }
    public DateOnly Day { get; set; }
    public Guid AreaId { get; set; }
    public DateTime SentAt { get; set; }
}

/// <summary>A disruption notice (a collection moved by a holiday or the weather) for some areas.</summary>
internal sealed class Notice : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Text { get; set; }
    public DateOnly? MovedFrom { get; set; }
    public DateOnly? MovedTo { get; set; }

    /// <summary>Last day the notice is shown on the areas' pages.</summary>
    public DateOnly ShowUntil { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class NoticeArea : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid NoticeId { get; set; }
    public Guid AreaId { get; set; }
}

/// <summary>The claim that a notice was mailed to one subscription; its key makes it go once.</summary>
internal sealed class NoticeSent : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid NoticeId { get; set; }
    public Guid SubscriptionId { get; set; }
    public DateTime SentAt { get; set; }
}

/// <summary>A recurring collection: every <see cref="EveryWeeks"/> weeks on <see cref="Weekday"/> from <see cref="Starts"/> to <see cref="Ends"/>.</summary>
internal sealed class Rule : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AreaId { get; set; }
    public Guid TypeId { get; set; }
    public int EveryWeeks { get; set; }
    public DayOfWeek Weekday { get; set; }
    public DateOnly Starts { get; set; }
    public DateOnly Ends { get; set; }
}

/// <summary>One date of a rule skipped (<see cref="MovedTo"/> null) or moved.</summary>
internal sealed class RuleException : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid RuleId { get; set; }
    public DateOnly Day { get; set; }
    public DateOnly? MovedTo { get; set; }
}
