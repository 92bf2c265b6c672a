namespace Saas.Host.Pages.Admin.Anmelden;

/// <summary>Where to go after signing in: only a path inside <c>/admin</c> of this host, never elsewhere.</summary>
internal static class ReturnPath
{
    public static string Safe(string? zurueck) =>
        zurueck is { Length: > 0 } path
        && (path == "/admin" || path.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/admin?", StringComparison.OrdinalIgnoreCase))
        && !path.Contains('\\', StringComparison.Ordinal)
        && !path.StartsWith("/admin/anmelden", StringComparison.OrdinalIgnoreCase)
            ? path
            : "/admin";

    /// <summary>The query string that carries the return path on to the next sign-in step.</summary>
    public static string Query(string? zurueck) =>
        Safe(zurueck) is var path && path != "/admin" ? $"?zurueck={Uri.EscapeDataString(path)}" : "";
}

/// <summary>What the sign-in steps share: who counts as signed in, and the throttled answer.</summary>
internal static class SignInSteps
{
    public static bool IsStaff(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: Accounts.AccountSchemes.Staff }
        && user.HasClaim(Accounts.AccountClaims.Amr, Accounts.AccountClaims.MultiFactor);

    /// <summary>Sets 429 with <c>Retry-After</c> (seconds) on the page; returns the wait in whole minutes for the message.</summary>
    public static int Throttle(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, TimeSpan? retryAfter)
    {
        var seconds = (int)Math.Ceiling((retryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds);
        page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        page.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Math.Max(1, (int)Math.Ceiling(seconds / 60.0));
    }
}
