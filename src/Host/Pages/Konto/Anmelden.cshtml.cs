using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Kernel.Localization;
using SignInResult = Saas.Host.Accounts.SignInResult;

namespace Saas.Host.Pages.Konto;

/// <summary>
/// Sign-in for residents. Failures never say whether the address or the password was wrong; a
/// throttled account gets 429 with Retry-After, and this page is the body of that answer.
/// </summary>
[AllowAnonymous]
internal sealed class AnmeldenModel(SignInFlow<Account> flow, UserManager<Account> users, Texts texts) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [FromQuery(Name = "zurueck")]
    public string? ReturnUrl { get; set; }

    /// <summary>A note carried over from the previous step (<c>abgemeldet</c>, <c>passwort</c>, <c>email</c>, <c>geloescht</c>).</summary>
    [FromQuery(Name = "hinweis")]
    public string? Note { get; set; }

    public bool ShowResendLink { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(Target) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        Note = null;
        var email = Email?.Trim() ?? "";
        if (email.Length == 0 || email.Length > FormLimits.Email)
        {
            ModelState.AddModelError(nameof(Email), texts["konto.error.email.required"]);
        }
        if (string.IsNullOrEmpty(Password) || Password.Length > FormLimits.Password)
        {
            ModelState.AddModelError(nameof(Password), texts["konto.error.password.required"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await flow.PasswordAsync(SignInArea.Residents, email, Password!);
        switch (outcome.Result)
        {
            case SignInResult.SignedIn:
                await UseLanguageOfAsync(email);
                return LocalRedirect(Target);
            case SignInResult.Throttled:
                var seconds = Math.Max(1, (int)Math.Ceiling((outcome.RetryAfter ?? TimeSpan.FromHours(1)).TotalSeconds));
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                ModelState.AddModelError("", texts.Format("konto.signin.throttled", (seconds + 59) / 60));
                break;
            case SignInResult.LockedOut:
                ModelState.AddModelError("", texts["konto.signin.locked"]);
                break;
            case SignInResult.NotConfirmed:
                ShowResendLink = true;
                ModelState.AddModelError("", texts["konto.signin.notConfirmed"]);
                break;
            default:
                ModelState.AddModelError("", texts["konto.signin.failed"]);
                break;
        }
        return Page();
    }

    /// <summary>Only a path on this site: a sign-in link must not send anyone elsewhere.</summary>
    public string Target => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && !url.StartsWith("/konto/abmelden", StringComparison.OrdinalIgnoreCase) ? url : "/konto";

    private async Task UseLanguageOfAsync(string email)
    {
        if (await users.FindByEmailAsync(email) is { PreferredCulture: { } culture } && Texts.SupportedCultures.Contains(culture))
        {
            LanguageCookie.Set(Response, Request, culture);
        }
    }
}
