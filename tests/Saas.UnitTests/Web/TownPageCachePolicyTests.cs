using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Saas.Host.Web;

namespace Saas.UnitTests.Web;

/// <summary>What the town page cache may answer, store, and how requests are told apart.</summary>
public sealed class TownPageCachePolicyTests
{
    private const string CultureCookie = ".AspNetCore.Culture";

    private static DefaultHttpContext Request(string host = "a.example.test", string path = "/", string query = "", string method = "GET", bool https = false, string? cookie = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = https ? "https" : "http";
        context.Request.Host = new HostString(host);
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }
        return context;
    }

    private static string Key(DefaultHttpContext context, string? culture = null)
    {
        var buffer = new char[TownPageKey.MaxLength(context.Request, culture)];
        return new string(buffer, 0, TownPageKey.Write(context.Request, culture, buffer));
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("POST", false)]
    [InlineData("PUT", false)]
    [InlineData("DELETE", false)]
    public void Only_get_and_head_requests_may_use_the_cache(string method, bool expected)
    {
        Assert.Equal(expected, TownPageCachePolicy.MayUse(Request(method: method), CultureCookie, out _));
    }

    [Theory]
    [InlineData("__Host-town=abc")]
    [InlineData("__Host-staff=abc")]
    [InlineData("__Host-support=abc")]
    [InlineData(".AspNetCore.Antiforgery.x7Yk=abc")]
    [InlineData(".AspNetCore.Culture=c%3Den%7Cuic%3Den; __Host-town=abc")]
    [InlineData("anything-else=1")]
    public void A_request_with_any_cookie_but_the_culture_cookie_never_uses_the_cache(string cookie)
    {
        Assert.False(TownPageCachePolicy.MayUse(Request(cookie: cookie), CultureCookie, out _));
    }

    [Fact]
    public void A_request_with_an_authorization_header_never_uses_the_cache()
    {
        var context = Request();
        context.Request.Headers.Authorization = "Bearer abc";

        Assert.False(TownPageCachePolicy.MayUse(context, CultureCookie, out _));
    }

    [Fact]
    public void A_request_with_only_the_culture_cookie_uses_the_cache_keyed_by_that_cookie()
    {
        Assert.True(TownPageCachePolicy.MayUse(Request(cookie: ".AspNetCore.Culture=c%3Den%7Cuic%3Den"), CultureCookie, out var culture));
        Assert.Equal("c=en|uic=en", culture);
    }

    [Fact]
    public void A_re_executed_error_page_never_uses_the_cache()
    {
        var context = Request(path: "/fehler/404");
        context.Response.StatusCode = 404;

        Assert.False(TownPageCachePolicy.MayUse(context, CultureCookie, out _));
    }

    [Theory]
    [InlineData(200, null, null, true)]
    [InlineData(404, null, null, false)]
    [InlineData(302, null, null, false)]
    [InlineData(200, "Set-Cookie", "x=1", false)]
    [InlineData(200, "Vary", "Accept-Language", false)]
    [InlineData(200, "Cache-Control", "no-store", false)]
    [InlineData(200, "Cache-Control", "private, max-age=60", false)]
    [InlineData(200, "Cache-Control", "public, max-age=300", true)]
    public void Only_a_200_answer_that_sets_no_cookie_and_does_not_forbid_sharing_is_stored(int status, string? header, string? value, bool expected)
    {
        var context = Request();
        context.Response.StatusCode = status;
        if (header is not null)
        {
            context.Response.Headers[header] = value;
        }

        Assert.Equal(expected, TownPageCachePolicy.MayStore(context, bodyLength: 10));
    }

    [Fact]
    public void A_head_answer_is_never_stored_because_it_has_no_body()
    {
        Assert.False(TownPageCachePolicy.MayStore(Request(method: "HEAD"), bodyLength: 0));
    }

    [Theory]
    [InlineData("b.example.test", "/", "", false, null)]
    [InlineData("a.example.test", "/", "", true, null)]
    [InlineData("a.example.test", "/aktuelles", "", false, null)]
    [InlineData("a.example.test", "/", "?culture=en", false, null)]
    [InlineData("a.example.test", "/", "", false, "c=en|uic=en")]
    public void Requests_that_differ_in_host_scheme_path_query_or_culture_never_share_a_key(string host, string path, string query, bool https, string? culture)
    {
        var baseline = Key(Request());

        Assert.NotEqual(baseline, Key(Request(host, path, query, https: https), culture));
    }

    [Fact]
    public void The_host_is_compared_without_case_and_the_path_with_case()
    {
        Assert.Equal(Key(Request("a.example.test")), Key(Request("A.Example.Test")));
        Assert.NotEqual(Key(Request(path: "/aktuelles/meldung")), Key(Request(path: "/aktuelles/Meldung")));
    }

    [Fact]
    public void No_path_query_or_cookie_can_be_crafted_to_spell_another_requests_key()
    {
        // Without a length before each part, "/a" + "?x=1" + culture "" and "/a?x=1" + "" + culture "" would collide.
        Assert.NotEqual(Key(Request(path: "/a", query: "?x=1")), Key(Request(path: "/a?x=1")));
        Assert.NotEqual(Key(Request(path: "/a", query: "?x=|"), "c"), Key(Request(path: "/a", query: "?x=|c")));
    }

    [Fact]
    public void The_cache_refuses_to_start_when_the_language_could_come_from_a_source_its_key_does_not_know()
    {
        var options = new RequestLocalizationOptions { RequestCultureProviders = [new QueryStringRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()] };

        Assert.Throws<InvalidOperationException>(() => TownPageCachePolicy.CultureCookieName(options));
    }

    [Fact]
    public void The_culture_cookie_name_is_the_one_localization_reads()
    {
        var options = new RequestLocalizationOptions { RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider { CookieName = "sprache" }] };

        Assert.Equal("sprache", TownPageCachePolicy.CultureCookieName(options));
    }
}
