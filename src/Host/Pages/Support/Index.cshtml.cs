using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Saas.Host.Pages.Support;

internal sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(SupportSignIn.Home);
}
