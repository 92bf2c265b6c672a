using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts.Residents;
using Saas.Kernel.Localization;

namespace Saas.Host.Pages.Konto;

/// <summary>The reset link: a new password, once; an expired or used link says so and offers a new one.</summary>
[AllowAnonymous]
internal sealed class PasswortZuruecksetzenModel(PasswordReset reset, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "konto")]
    public string? AccountId { get; set; }

    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool LinkValid { get; private set; }

    public async Task OnGetAsync() => LinkValid = await reset.IsValidAsync(AccountId, Code);

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        // A spent or expired link says so first: asking for a password it cannot take would mislead.
        LinkValid = await reset.IsValidAsync(AccountId, Code);
        if (!LinkValid)
        {
            return Page();
        }
        if (AccountForm.NewPassword(ModelState, texts, nameof(Password), Password) is not { } password)
        {
            return Page();
        }
        var (outcome, errors) = await reset.ResetAsync(AccountId, Code, password);
        switch (outcome)
        {
            case ResetOutcome.Done:
                return Redirect("/konto/anmelden?hinweis=passwort");
            case ResetOutcome.Refused:
                AccountForm.Add(ModelState, nameof(Password), errors);
                return Page();
            default:
                LinkValid = false;
                return Page();
        }
    }
}
