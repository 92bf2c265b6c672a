using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Signup;
using Saas.Host.Tenancy;
using Saas.Host.Web;
using Saas.Kernel.Localization;
using Saas.Kernel.Modules;
using Microsoft.Extensions.Options;

namespace Saas.Host.Pages.Platform;

/// <summary>
/// A municipality signs up on its own: name, optional municipality key, its address on the
/// platform (checked as it is typed, and again on submit), the first admin, features and theme.
/// Works without script; the script only adds the live address check.
/// </summary>
internal sealed class SignupModel(SignupService signup, IEnumerable<IModule> modules, ThemeCatalog themes, Texts texts, IOptions<PlatformOptions> platform) : PageModel
{
    [BindProperty] public string? Municipality { get; set; }
    [BindProperty] public string? Kind { get; set; } = "Gemeinde";
    [BindProperty] public string? Ags { get; set; }
    [BindProperty] public string? FederalState { get; set; }
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? AdminName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public List<string> Features { get; set; } = [];
    [BindProperty] public string? Theme { get; set; }
    [BindProperty] public bool AcceptedTerms { get; set; }

    public IReadOnlyList<IModule> Modules { get; } = modules.OrderBy(m => m.FeatureKey, StringComparer.Ordinal).ToList();
    public IReadOnlyCollection<ThemeInfo> Themes => themes.All;
    public string PlatformDomain => platform.Value.Domain;

    /// <summary>Set once the request is stored and the confirmation mail is on its way.</summary>
    public string? SentTo { get; private set; }

    public void OnGet()
    {
        Features = [.. Modules.Select(m => m.FeatureKey)];
        Theme = themes.All.OrderBy(t => t.Id, StringComparer.Ordinal).First().Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the validator decides, with German messages
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var origin = new Uri($"{Request.Scheme}://{Request.Host}");
        var result = await signup.StartAsync(
            new SignupRequest(Municipality, Kind, Ags, FederalState, Slug, AdminName, Email, Password, Features, Theme, AcceptedTerms),
            culture, origin, cancellationToken);
        if (result.Signup is null)
        {
            foreach (var (field, problem) in result.Errors)
            {
                ModelState.AddModelError(field, problem.StartsWith("signup.", StringComparison.Ordinal) ? texts.Get(problem, CultureInfo.CurrentUICulture) : problem);
            }
            return Page();
        }
        SentTo = result.Signup.AdminEmail;
        return Page();
    }

    /// <summary>The live check behind the address field: <c>?handler=Adresse&amp;slug=…</c>.</summary>
    public async Task<IActionResult> OnGetAdresseAsync([FromQuery(Name = "slug")] string? slug, CancellationToken cancellationToken)
    {
        var value = (slug ?? "").Trim().ToLowerInvariant();
        var problem = await signup.SlugProblemAsync(value, forEmail: null, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new
        {
            slug = value,
            available = problem is null,
            message = problem is null
                ? string.Format(CultureInfo.CurrentUICulture, texts.Get("signup.slug.available", CultureInfo.CurrentUICulture), $"{value}.{PlatformDomain}")
                : texts.Get(problem, CultureInfo.CurrentUICulture),
        });
    }

    public string? Error(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
