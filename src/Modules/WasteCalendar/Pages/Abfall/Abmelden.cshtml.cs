using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Modules.WasteCalendar.Reminders;

namespace Saas.Modules.WasteCalendar.Pages.Abfall;

/// <summary>
/// Unsubscribing (RFC 8058). A GET only shows a button: mail scanners follow links, and a GET must
/// never change anything. A POST unsubscribes; it needs no session and no antiforgery token, because
/// mail clients send the one-click POST (<c>List-Unsubscribe=One-Click</c>) from their own servers,
/// and the secret in the address is what authorises it.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class WasteUnsubscribeModel(Subscriber subscriber) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    public bool Genuine { get; private set; }
    public bool Done { get; private set; }

    public void OnGet()
    {
        HttpContext.Response.Headers.CacheControl = "no-store";
        Genuine = subscriber.IsGenuine(Token);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        HttpContext.Response.Headers.CacheControl = "no-store";
        Done = await subscriber.UnsubscribeAsync(Token, cancellationToken);
        Genuine = Done;
        return Done ? Page() : BadRequestPage();
    }

    private PageResult BadRequestPage()
    {
        HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
