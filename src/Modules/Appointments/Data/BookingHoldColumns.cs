using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Saas.Modules.Appointments.Data;

/// <summary>The columns of migration 0003 (holds, reminders, accounts) on <c>appointments_bookings</c>.</summary>
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
        e.Ignore(b => b.IsPending);
    }
}
