using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Saas.Modules.Coworking.Booking;

/// <summary>
/// Recognises the database refusing an overlapping booking: PostgreSQL's exclusion constraint
/// (SQLSTATE 23P01) or the SQLite trigger's RAISE, both named <c>coworking_bookings_no_overlap</c>.
/// </summary>
internal static class OverlapViolation
{
    public const string Name = "coworking_bookings_no_overlap";

    private const int SqliteConstraint = 19;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.ExclusionViolation && pg.ConstraintName == Name,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.Message.Contains(Name, StringComparison.Ordinal),
        _ => false,
    };
}
