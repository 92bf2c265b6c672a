namespace Saas.Host.Web;

/// <summary>
/// Lets one page's forms end on another of our own hosts. Browsers apply the CSP's
/// <c>form-action 'self'</c> to every redirect a submitted form follows, so a post that is
/// answered with a redirect to another origin (support access: console → town, banner exit:
/// town → console) is silently cancelled unless the page that holds the form names that origin.
/// Only the response of such a page is widened, and only by that one origin.
/// </summary>
internal static class FormActionPolicy
{
    public static void Allow(HttpResponse response, string origin)
    {
        if (response.HasStarted)
        {
            return;
        }
        var policy = response.Headers.ContentSecurityPolicy.ToString();
        response.Headers.ContentSecurityPolicy = policy.Replace("form-action 'self'", $"form-action 'self' {origin}", StringComparison.Ordinal);
    }

    /// <summary>The origin of <paramref name="host"/> as the current request reaches us (same scheme and port).</summary>
    public static string OriginOf(HttpRequest request, string host) =>
        $"{request.Scheme}://{host}{(request.Host.Port is { } port ? $":{port}" : "")}";
}
