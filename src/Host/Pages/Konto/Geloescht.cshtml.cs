using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Saas.Host.Pages.Konto;

/// <summary>Where a resident lands after deleting their account.</summary>
[AllowAnonymous]
internal sealed class GeloeschtModel : PageModel
{
    public void OnGet()
    {
    }
}
