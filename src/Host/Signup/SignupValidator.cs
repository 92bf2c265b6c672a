using System.Net.Mail;
using Saas.Host.Web;
using Saas.Kernel.Modules;

namespace Saas.Host.Signup;

/// <summary>
/// Checks a signup field by field; the errors are text keys by field, so the form can name each
/// problem next to its field. The password rules and the address's availability are checked by
/// <see cref="SignupService"/>, which needs the database and the account rules.
/// </summary>
internal sealed class SignupValidator(IEnumerable<IModule> modules, ThemeCatalog themes)
{
    /// <summary>The kinds of municipality the signup offers; the name is shown with it ("Gemeinde Wiesenburg/Mark").</summary>
    public static readonly IReadOnlyList<string> Kinds = ["Gemeinde", "Stadt", "Markt", "Amt", "Verbandsgemeinde", "Samtgemeinde"];

    public const int MaxNameLength = 100;

    public (ValidSignup? Valid, Dictionary<string, string> Errors) Validate(SignupRequest request)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var municipality = Clean(request.Municipality);
        if (municipality.Length is < 2 or > MaxNameLength)
        {
            errors["Municipality"] = "signup.error.municipality";
        }
        var kind = Kinds.Contains(request.Kind ?? "") ? request.Kind! : null;
        if (kind is null)
        {
            errors["Kind"] = "signup.error.kind";
        }
        var state = FederalStates.Exists(request.FederalState) ? request.FederalState! : null;
        if (state is null)
        {
            errors["FederalState"] = "signup.error.state";
        }
        var ags = Clean(request.Ags).Replace(" ", "", StringComparison.Ordinal);
        if (ags.Length > 0 && FederalStates.CheckAgs(ags, state) is { } agsProblem)
        {
            errors["Ags"] = agsProblem;
        }
        var slug = Clean(request.Slug).ToLowerInvariant();
        if (SlugRules.Check(slug) is { } slugProblem)
        {
            errors["Slug"] = slugProblem;
        }
        var adminName = Clean(request.AdminName);
        if (adminName.Length is < 2 or > MaxNameLength)
        {
            errors["AdminName"] = "signup.error.adminName";
        }
        var email = Clean(request.Email);
        if (email.Length > 254 || !MailAddress.TryCreate(email, out var address) || address.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            errors["Email"] = "signup.error.email";
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            errors["Password"] = "signup.error.password";
        }
        var known = modules.Select(m => m.FeatureKey).ToHashSet(StringComparer.Ordinal);
        var features = request.Features.Distinct(StringComparer.Ordinal).ToList();
        if (features.Any(f => !known.Contains(f)))
        {
            errors["Features"] = "signup.error.features";
        }
        var theme = request.Theme is { } t && themes.Exists(t) ? t : null;
        if (theme is null)
        {
            errors["Theme"] = "signup.error.theme";
        }
        if (!request.AcceptedTerms)
        {
            errors["AcceptedTerms"] = "signup.error.terms";
        }
        return errors.Count > 0
            ? (null, errors)
            : (new ValidSignup(municipality, kind!, ags.Length > 0 ? ags : null, state!, slug, adminName, email, request.Password!, features, theme!), errors);
    }

    // Control characters never belong in a name; inner runs of spaces are one.
    private static string Clean(string? value) =>
        string.Join(' ', new string((value ?? "").Where(c => !char.IsControl(c)).ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
