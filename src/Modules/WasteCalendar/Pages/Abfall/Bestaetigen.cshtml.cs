using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Modules.WasteCalendar.Reminders;

namespace Saas.Modules.WasteCalendar.Pages.Abfall;

/// <summary>
/// The link of the confirmation mail. Opening it shows one button; only pressing it (a POST)
/// confirms, so a mail scanner that follows links cannot subscribe anyone.
/// </summary>
internal sealed class WasteConfirmModel(Subscriber subscriber) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public ConfirmOutcome? Outcome { get; private set; }

    public void OnGet() => HttpContext.Response.Headers.CacheControl = "no-store";

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        HttpContext.Response.Headers.CacheControl = "no-store";
        Outcome = await subscriber.ConfirmAsync(Id, Token, cancellationToken);
    }
}
