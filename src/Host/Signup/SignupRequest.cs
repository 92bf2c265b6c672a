namespace Saas.Host.Signup;

/// <summary>What the signup form sends; every field as typed, checked by <see cref="SignupValidator"/>.</summary>
internal sealed record SignupRequest(
    string? Municipality,
    string? Kind,
    string? Ags,
    string? FederalState,
    string? Slug,
    string? AdminName,
    string? Email,
    string? Password,
    IReadOnlyList<string> Features,
    string? Theme,
    bool AcceptedTerms);

/// <summary>A request that passed every check: trimmed, lower-cased where it matters.</summary>
internal sealed record ValidSignup(
    string Municipality, string Kind, string? Ags, string FederalState, string Slug, string AdminName, string Email,
    string Password, IReadOnlyList<string> Features, string Theme);
