using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts.Residents;
using Saas.Kernel.Localization;

namespace Saas.Host.Pages.Konto;

/// <summary>Asks for a reset link; the answer is the same whether or not the address has an account.</summary>
[AllowAnonymous]
internal sealed class PasswortVergessenModel(PasswordReset reset, Texts texts) : PageModel
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
        await reset.RequestAsync(email);
        SentTo = email;
        return Page();
    }
}
