using Microsoft.AspNetCore.Mvc;
using Saas.Modules.Appointments.Admin;

namespace Saas.Modules.Appointments.Pages.Admin.Termine;

/// <summary>Staff cancel a booking with a message the resident gets by mail; the seats are free again at once.</summary>
internal sealed class AppointmentsAdminCancelModel(StaffBookings bookings, StaffCancelMail mail) : AppointmentsAdminPage
{
    public const int MessageMax = 2000;

    [FromRoute(Name = "id")]
    public Guid Id { get; set; }

    [BindProperty(Name = "Message")]
    public string? Message { get; set; }

    public PlanRow? Booking { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Booking = await bookings.RowAsync(Id, cancellationToken);
        return Booking is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Booking = await bookings.RowAsync(Id, cancellationToken);
        if (Booking is null)
        {
            return NotFound();
        }
        var day = FormText.Iso(DateOnly.FromDateTime(Booking.StartLocal));
        if (Booking.Cancelled)
        {
            // A second submit of the same form: the first one cancelled and mailed; nothing more to do.
            return Redirect($"/admin/termine/tagesplan?tag={day}&erledigt=abgesagt");
        }
        var message = FormText.Clean(Message, multiLine: true);
        if (message.Length == 0 || message.Length > MessageMax)
        {
            ModelState.AddModelError("Message", T["appointments.admin.error.message"]);
            return Page();
        }
        if (!await bookings.CancelAsync(Id, message, cancellationToken))
        {
            return Redirect($"/admin/termine/tagesplan?tag={day}&erledigt=abgesagt");
        }
        // In the resident's language, whatever language the staff member works in.
        var sent = await mail.SendAsync(Booking, message, Booking.Language ?? Saas.Kernel.Localization.Texts.German, cancellationToken);
        return Redirect($"/admin/termine/tagesplan?tag={day}&erledigt={(sent ? "abgesagt" : "abgesagt-ohne-mail")}");
    }
}
