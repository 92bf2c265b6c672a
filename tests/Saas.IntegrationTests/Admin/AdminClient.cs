using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Saas.Host.Accounts;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Admin;

/// <summary>
/// A browser stand-in for <c>/admin</c>: https to a town's host, its own cookie jar (so a test can put
/// a session cookie there, also one of another town), and forms posted with the antiforgery token
/// taken from the page, as a browser would.
/// </summary>
public sealed partial class AdminClient
{
    private readonly CookieContainer _cookies = new();

    public AdminClient(PlatformFactory factory, string host)
    {
        Factory = factory;
        Host = host;
        Http = factory.CreateDefaultClient(new Uri($"https://{host}/"), new CookieContainerHandler(_cookies));
    }

    public PlatformFactory Factory { get; }
    public string Host { get; }
    public HttpClient Http { get; }

    /// <summary>Puts a cookie into the jar, as if the server had set it (the test decides for which host).</summary>
    public AdminClient WithCookie(string name, string value)
    {
        _cookies.Add(new Uri($"https://{Host}/"), new Cookie(name, value, "/") { Secure = true, HttpOnly = true });
        return this;
    }

    public bool HasCookie(string name) => _cookies.GetCookies(new Uri($"https://{Host}/")).Any(c => c.Name == name);

    public string? CookieValue(string name) => _cookies.GetCookies(new Uri($"https://{Host}/")).FirstOrDefault(c => c.Name == name)?.Value;

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    public async Task<string> GetPageAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/> (default: the same page).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var html = await GetPageAsync(formPage);
        var token = Token(html);
        var body = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await Http.PostAsync(action ?? formPage, body);
    }

    public Task<HttpResponseMessage> PostFormAsync(string formPage, params (string Name, string Value)[] fields) =>
        PostFormAsync(formPage, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public Task<HttpResponseMessage> PostToAsync(string formPage, string action, params (string Name, string Value)[] fields) =>
        PostFormAsync(formPage, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), action);

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    // ----- sessions minted with the app's own cookie protection: a test that is not about signing in need not sign in -----

    /// <summary>A full staff session (second factor passed, or not when <paramref name="multiFactor"/> is false).</summary>
    public async Task<AdminClient> AsStaffAsync(Guid tenantId, Guid accountId, bool multiFactor = true) =>
        Mint(AccountSchemes.Staff, AccountSchemes.Cookies.Staff,
            SessionPrincipal.For(await LoadAsync(tenantId, accountId), tenantId, AccountSchemes.Staff, DateTimeOffset.UtcNow, multiFactor));

    /// <summary>Only the ticket between password and second factor.</summary>
    public async Task<AdminClient> AsPendingStaffAsync(Guid tenantId, Guid accountId) =>
        Mint(AccountSchemes.StaffTwoFactor, AccountSchemes.Cookies.StaffTwoFactor,
            SessionPrincipal.PendingSecondFactor(await LoadAsync(tenantId, accountId), tenantId, AccountSchemes.StaffTwoFactor, SecondFactorStage.Verify, DateTimeOffset.UtcNow));

    /// <summary>A resident's session (the town cookie).</summary>
    public async Task<AdminClient> AsResidentAsync(Guid tenantId, Guid accountId) =>
        Mint(AccountSchemes.Town, AccountSchemes.Cookies.Town,
            SessionPrincipal.For(await LoadAsync(tenantId, accountId), tenantId, AccountSchemes.Town, DateTimeOffset.UtcNow, multiFactor: false));

    private AdminClient Mint(string scheme, string cookie, ClaimsPrincipal principal)
    {
        var options = Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(scheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties
        {
            IssuedUtc = DateTimeOffset.UtcNow,
            ExpiresUtc = DateTimeOffset.UtcNow.Add(options.ExpireTimeSpan),
        }, scheme);
        return WithCookie(cookie, options.TicketDataFormat.Protect(ticket));
    }

    private Task<Account> LoadAsync(Guid tenantId, Guid accountId) =>
        TestTowns.AsTownAsync(Factory, tenantId, services =>
            services.GetRequiredService<AccountsDbContext>().Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
