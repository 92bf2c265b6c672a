using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Host.Accounts.Residents;
using Saas.Kernel.Localization;
using Saas.Kernel.Security;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Pages.Konto;

/// <summary>The resident's profile: name, phone and preferred language; the e-mail address is changed on its own page.</summary>
[Authorize(Policy = Policies.Resident)]
internal sealed class IndexModel(ResidentSession session, UserManager<Account> users, ITenantContext tenant, Texts texts) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    public string Email { get; private set; } = "";

    public bool Saved { get; private set; }

    /// <summary>The languages this town offers (German always).</summary>
    public IReadOnlyList<string> Languages => [.. Texts.SupportedCultures.Where(c => c == Texts.German || tenant.Current!.Settings.Cultures.Contains(c))];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await session.AccountAsync() is not { } account)
        {
            return Challenge();
        }
        Show(account);
        Name = account.DisplayName;
        Phone = account.Phone;
        Language = account.PreferredCulture ?? Texts.German;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await session.AccountAsync() is not { } account)
        {
            return Challenge();
        }
        ModelState.Clear();
        Show(account);
        var name = AccountForm.Name(ModelState, texts, nameof(Name), Name);
        var phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        if (phone is not null && (phone.Length > FormLimits.Phone || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '/' or '(' or ')')))
        {
            ModelState.AddModelError(nameof(Phone), texts["konto.error.phone"]);
        }
        if (Language is null || !Languages.Contains(Language))
        {
            ModelState.AddModelError(nameof(Language), texts["konto.error.language"]);
        }
        if (!ModelState.IsValid || name is null)
        {
            return Page();
        }
        account.DisplayName = name;
        account.Phone = phone;
        account.PreferredCulture = Language;
        var result = await users.UpdateAsync(account);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", texts["konto.error.retry"]);
            return Page();
        }
        // The ticket carries the name (the audit log shows it); the language follows at once.
        await session.RenewAsync(account, reauthenticated: false);
        LanguageCookie.Set(Response, Request, Language!);
        return Redirect("/konto?gespeichert=1");
    }

    private void Show(Account account)
    {
        Email = account.Email;
        Saved = Request.Query.ContainsKey("gespeichert") && HttpMethods.IsGet(Request.Method);
    }
}
