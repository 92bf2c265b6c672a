using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using SignInResult = Saas.Host.Accounts.SignInResult;

namespace Saas.Host.Pages.Support;

/// <summary>What the sign-in pages of the console share: where to go afterwards and how a refusal is answered.</summary>
internal static class SupportSignIn
{
    public const string Home = "/support/gemeinden";

    /// <summary>The page asked for before signing in, if it is one of the console's; else the town list.</summary>
    public static string Target(string? back) =>
        back is { Length: > 1 } && back.StartsWith("/support/", StringComparison.Ordinal) && !back.StartsWith("//", StringComparison.Ordinal)
            && !back.Contains('\\', StringComparison.Ordinal) ? back : Home;

    /// <summary>The text key of a failed outcome; sets 429 with Retry-After when throttled.</summary>
    public static string Problem(PageModel page, SignInOutcome outcome)
    {
        switch (outcome.Result)
        {
            case SignInResult.Throttled:
                page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                page.Response.Headers.RetryAfter = ((int)Math.Ceiling((outcome.RetryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return "support.signin.error.throttled";
            case SignInResult.LockedOut:
                return "support.signin.error.locked";
            case SignInResult.NotConfirmed:
                return "support.signin.error.unconfirmed";
            default:
                return "support.signin.error.failed";
        }
    }
}
