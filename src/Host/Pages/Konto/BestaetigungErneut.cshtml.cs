using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts.Residents;
using Saas.Kernel.Localization;

namespace Saas.Host.Pages.Konto;

/// <summary>A new confirmation link; the answer never tells whether the address has an account.</summary>
[AllowAnonymous]
internal sealed class BestaetigungErneutModel(Registration registration, Texts texts) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public string? SentTo { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (AccountForm.Email(ModelState, texts, nameof(Email), Email) is not { } email)
        {
            return Page();
        }
        await registration.ResendConfirmationAsync(email);
        SentTo = email;
        return Page();
    }
}
