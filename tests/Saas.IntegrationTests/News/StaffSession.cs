using System.Net;
using System.Text.RegularExpressions;
using Saas.IntegrationTests.Infrastructure;
using Saas.TestInfrastructure;

namespace Saas.IntegrationTests.News;

/// <summary>Signs staff in through the real pages (password, then authenticator code) and posts forms with their antiforgery token.</summary>
internal static partial class StaffSession
{
    /// <summary>An https client on <paramref name="host"/> with a staff session that passed the second factor.</summary>
    public static async Task<HttpClient> SignInAsync(PlatformFactory factory, string host, TestAccount account, TestClock clock)
    {
        // A code works once: move to a fresh 30-second step so every sign-in of a test has its own.
        clock.Advance(TimeSpan.FromSeconds(31));
        var client = await PasswordOnlyAsync(factory, host, account);
        var code = await PostAsync(client, "/admin/anmelden/zweiter-faktor", new() { ["Code"] = account.TotpCode(clock.GetUtcNow()) });
        Assert.True(code.StatusCode == HttpStatusCode.Redirect, $"second factor refused: {(int)code.StatusCode}");
        Assert.Equal("/admin", code.Headers.Location?.OriginalString);
        return client;
    }

    /// <summary>
    /// Signs in with a client that keeps no cookies, collecting them by hand: the Cookie header (and an
    /// antiforgery token that goes with it) that someone could carry to another host.
    /// </summary>
    public static async Task<(string Cookies, string Token)> CookiesAsync(PlatformFactory factory, string host, TestAccount account, TestClock clock)
    {
        clock.Advance(TimeSpan.FromSeconds(31));
        var client = factory.CreateClient(new() { BaseAddress = new Uri($"https://{host}/"), AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Dictionary<string, string>? form = null)
        {
            var request = new HttpRequestMessage(method, path);
            if (jar.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            }
            if (form is not null)
            {
                request.Content = new FormUrlEncodedContent(form);
            }
            var response = await client.SendAsync(request);
            foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = setCookie.Split(';')[0].Split('=', 2);
                jar[pair[0]] = pair[1];
            }
            return response;
        }
        async Task<string> TokenOfAsync(string path)
        {
            var page = await (await SendAsync(HttpMethod.Get, path)).Content.ReadAsStringAsync();
            return WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        }
        await SendAsync(HttpMethod.Post, "/admin/anmelden", new() { ["Email"] = account.Email, ["Password"] = account.Password, ["__RequestVerificationToken"] = await TokenOfAsync("/admin/anmelden") });
        var done = await SendAsync(HttpMethod.Post, "/admin/anmelden/zweiter-faktor",
            new() { ["Code"] = account.TotpCode(clock.GetUtcNow()), ["__RequestVerificationToken"] = await TokenOfAsync("/admin/anmelden/zweiter-faktor") });
        Assert.Equal("/admin", done.Headers.Location?.OriginalString);
        var token = await TokenOfAsync("/admin/aktuelles/neu");
        return (string.Join("; ", jar.Where(c => c.Value.Length > 0).Select(c => $"{c.Key}={c.Value}")), token);
    }

    /// <summary>Password accepted, second factor not yet given.</summary>
    public static async Task<HttpClient> PasswordOnlyAsync(PlatformFactory factory, string host, TestAccount account)
    {
        var client = factory.ClientFor(host, https: true);
        var password = await PostAsync(client, "/admin/anmelden", new() { ["Email"] = account.Email, ["Password"] = account.Password });
        Assert.True(password.StatusCode == HttpStatusCode.Redirect, $"password refused: {(int)password.StatusCode}");
        return client;
    }

    /// <summary>Posts a form the way the browser does: with the antiforgery token of a page the client may open.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, string tokenFrom = "")
    {
        var token = await TokenAsync(client, tokenFrom.Length > 0 ? tokenFrom : path.Split('?')[0]);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static async Task<string> TokenAsync(HttpClient client, string path) => TokenIn(await client.GetStringAsync(path), path);

    /// <summary>The antiforgery token of a page already fetched.</summary>
    public static string TokenIn(string html, string path) =>
        Token().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"no antiforgery token on {path}");

    /// <summary>The value of a form field on a page (hidden inputs such as the version).</summary>
    public static string? Field(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
