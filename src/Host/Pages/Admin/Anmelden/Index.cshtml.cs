using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using SignInResult = Saas.Host.Accounts.SignInResult;
using Saas.Kernel.Localization;

namespace Saas.Host.Pages.Admin.Anmelden;

/// <summary>Staff sign-in, step one: e-mail and password; then the second factor or its enrolment.</summary>
internal sealed class SignInModel(SignInFlow<Account> flow, Texts texts) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [FromQuery(Name = "zurueck")]
    public string? ReturnTo { get; set; }

    /// <summary>"1" when the cookie handler sent us here because the session had ended (bool binding would refuse "1").</summary>
    [FromQuery(Name = "abgelaufen")]
    public string? ExpiredFlag { get; set; }

    public bool Expired { get; private set; }

    [FromQuery(Name = "hinweis")]
    public string? NoticeCode { get; set; }

    public string? Notice => NoticeCode switch
    {
        "abgemeldet" => "admin.signIn.signedOut",
        "passwort-gesetzt" => "admin.signIn.passwordSet",
        _ => null,
    };

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        Expired = ExpiredFlag == "1";
        if (SignInSteps.IsStaff(User))
        {
            return LocalRedirect(ReturnPath.Safe(ReturnTo));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Expired = false;
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = texts["admin.signIn.missing"];
            return Page();
        }
        var outcome = await flow.PasswordAsync(SignInArea.TownStaff, Email, Password);
        switch (outcome.Result)
        {
            case SignInResult.NeedsSecondFactor:
                return LocalRedirect("/admin/anmelden/zweiter-faktor" + ReturnPath.Query(ReturnTo));
            case SignInResult.NeedsEnrolment:
                return LocalRedirect("/admin/anmelden/einrichten" + ReturnPath.Query(ReturnTo));
            case SignInResult.LockedOut:
                Error = texts["admin.signIn.lockedOut"];
                return Page();
            case SignInResult.Throttled:
                return Throttled(outcome.RetryAfter);
            default:
                Error = texts["admin.signIn.failed"];
                return Page();
        }
    }

    private PageResult Throttled(TimeSpan? retryAfter)
    {
        Error = texts.Format("admin.signIn.throttled", SignInSteps.Throttle(this, retryAfter));
        return Page();
    }
}
