using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;

namespace Saas.Host.Pages.Support;

/// <summary>
/// First sign-in of a support account: set up the authenticator app (QR code or the key by hand),
/// prove it with a first code, and take the ten recovery codes, shown this once.
/// </summary>
internal sealed class EinrichtenModel(SignInFlow<PlatformStaff> flow, TotpSecrets secrets) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "zurueck")]
    public string? Back { get; set; }

    public string? Secret { get; private set; }
    public string? QrSvg { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await flow.PendingAsync(SignInArea.Support) is not ({ } user, SecondFactorStage.Enrol))
        {
            return LocalRedirect("/support/anmelden");
        }
        var codes = string.IsNullOrWhiteSpace(Code) ? null : await flow.CompleteEnrolmentAsync(SignInArea.Support, Code, TotpSecrets.SupportProvider);
        if (codes is null)
        {
            Problem = string.IsNullOrWhiteSpace(Code) ? "support.code.error.missing" : "support.enrol.error.code";
            Code = null;
            return await ShowAsync() ?? Page();
        }
        RecoveryCodes = codes;
        return Page();
    }

    private async Task<IActionResult?> ShowAsync()
    {
        if (await flow.PendingAsync(SignInArea.Support) is not ({ } user, SecondFactorStage.Enrol))
        {
            return LocalRedirect("/support/anmelden");
        }
        Secret = await flow.BeginEnrolmentAsync(SignInArea.Support, secrets);
        if (Secret is null)
        {
            return LocalRedirect("/support/anmelden");
        }
        QrSvg = QrCodeSvg.Render(Totp.KeyUri("Rathausplatz Support", user.Email, Secret), "QR-Code");
        return null;
    }

    /// <summary>The key in groups of four, easier to type by hand.</summary>
    public string GroupedSecret => string.Join(' ', Enumerable.Range(0, ((Secret ?? "").Length + 3) / 4).Select(i => Secret!.Substring(i * 4, Math.Min(4, Secret.Length - i * 4))));

    public string Target => SupportSignIn.Target(Back);
}
