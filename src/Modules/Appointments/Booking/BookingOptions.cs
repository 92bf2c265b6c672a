namespace Saas.Modules.Appointments.Booking;

/// <summary>
/// Who books and how: a signed-in resident (whose address the account has proven) is confirmed at
/// once; anyone else gets a hold for <see cref="HoldLifetime"/> that the mailed link confirms.
/// </summary>
internal sealed record BookingOptions(Guid? AccountId, string? SubmissionKeyHash)
{
    public static readonly TimeSpan HoldLifetime = TimeSpan.FromMinutes(15);

    public static BookingOptions Hold { get; } = new(null, null);

    public bool ConfirmedAtOnce => AccountId is not null;

    /// <summary>Sets the hold or confirmation on a new booking; returns the confirmation code to mail, if any.</summary>
    public string? Apply(Data.Booking booking, DateTime nowUtc)
    {
        booking.AccountId = AccountId;
        if (ConfirmedAtOnce)
        {
            booking.ConfirmedAt = nowUtc;
            return null;
        }
        var code = ManageToken.Create();
        booking.ConfirmCodeHash = ManageToken.Hash(code);
        booking.HoldExpiresAt = nowUtc + HoldLifetime;
        return code;
    }
}
