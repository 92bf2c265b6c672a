using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Saas.Modules.Appointments.Data;

/// <summary>The columns of migrations 0003 (holds, reminders, accounts) and 0004 (language) on <c>appointments_bookings</c>.</summary>
internal static class BookingHoldColumns
{
    public static void Map(EntityTypeBuilder<Booking> e)
    {
        e.Property(b => b.AccountId).HasColumnName("account_id");
        e.Property(b => b.ConfirmCodeHash).HasColumnName("confirm_code_hash");
        e.Property(b => b.HoldExpiresAt).HasColumnName("hold_expires_at");
        e.Property(b => b.ConfirmedAt).HasColumnName("confirmed_at");
        e.Property(b => b.ReleasedAt).HasColumnName("released_at");
        e.Property(b => b.ReminderSentAt).HasColumnName("reminder_sent_at");
        e.Property(b => b.Language).HasColumnName("language"); // migration 0004
        e.Ignore(b => b.IsPending);
    }
}
