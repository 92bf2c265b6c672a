using System.Net;
using System.Text.RegularExpressions;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Accounts;

/// <summary>
/// One browser of a resident on one town's host (https, own cookie jar, no automatic redirects):
/// loads a form, takes its antiforgery token and submits it, as a person would.
/// </summary>
public sealed partial class ResidentClient(HttpClient http)
{
    public HttpClient Http => http;

    public static ResidentClient For(PlatformFactory factory, string host) => new(factory.ClientFor(host, followRedirects: false, https: true));

    /// <summary>The page's text with entities decoded (Razor encodes umlauts).</summary>
    public async Task<string> TextAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return Decode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Loads <paramref name="formPage"/> and posts <paramref name="fields"/> with its antiforgery token to <paramref name="action"/> (default: the same page).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var html = await http.GetStringAsync(formPage);
        var form = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", Token(html))));
        return await http.PostAsync(action ?? formPage, form);
    }

    public Task<HttpResponseMessage> SubmitAsync(string formPage, params (string Name, string Value)[] fields) =>
        SubmitAsync(formPage, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await SubmitAsync("/konto/anmelden", ("Email", email), ("Password", password));

    public async Task RegisterAsync(string name, string email, string password)
    {
        using var response = await SubmitAsync("/konto/registrieren", ("Name", name), ("Email", email), ("Password", password));
        var text = Decode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK && text.Contains("Bitte prüfen Sie Ihr Postfach", StringComparison.Ordinal),
            $"Registration of {email} was not accepted: {(int)response.StatusCode} {Excerpt(text)}");
    }

    /// <summary>Signed in means the account page answers instead of sending to the sign-in form.</summary>
    public async Task<bool> IsSignedInAsync()
    {
        using var response = await http.GetAsync("/konto");
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.Redirect or HttpStatusCode.Found => false,
            var other => throw new InvalidOperationException($"/konto answered {(int)other}"),
        };
    }

    /// <summary>Opens a link from a mail on this client (its path and query; the host is the client's).</summary>
    public async Task<string> OpenAsync(Uri link) => await TextAsync(link.PathAndQuery);

    public static string Token(string html) =>
        AntiforgeryToken().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token: " + Excerpt(html));

    public static string Decode(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The main content of a page, for failure messages.</summary>
    public static string Excerpt(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var main = start < 0 ? html : html[start..];
        return Regex.Replace(main, "<[^>]+>", " ")[..Math.Min(600, Regex.Replace(main, "<[^>]+>", " ").Length)];
    }

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="__RequestVerificationToken" """)]
    private static partial Regex AntiforgeryToken();
}
