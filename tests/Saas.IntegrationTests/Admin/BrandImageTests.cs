using System.Net;
using System.Text;
using Saas.Host.Tenancy;
using Saas.IntegrationTests.Infrastructure;
using SkiaSharp;

namespace Saas.IntegrationTests.Admin;

/// <summary>
/// Logo and coat of arms: an upload is judged by its content and stored only as a clean copy that
/// every resident page shows at once; anything else gets a German message and changes nothing.
/// </summary>
public sealed class BrandImageTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private const string Script = "<script>alert('wappen')</script>";

    private TenantRegistry Registry => fixture.Factory.Service<TenantRegistry>();

    [Fact]
    public async Task Given_a_PNG_with_an_appended_script_When_uploaded_as_coat_of_arms_Then_residents_see_a_clean_copy_at_once_and_the_log_has_it()
    {
        var admin = await fixture.AdminOfAAsync();
        var resident = fixture.Factory.ClientFor(AdminFixture.HostA);
        await resident.GetStringAsync("/"); // cached before the change

        var response = await UploadAsync(admin, "coat-of-arms", "wappen.jpg", Concat(Png(120, 144), Encoding.ASCII.GetBytes(Script)));

        Assert.Equal("/admin/gestaltung?bild-gespeichert=hochgeladen", response.Headers.Location?.OriginalString);
        var town = Registry.Find(fixture.TownA)!;
        Assert.True(town.Branding.HasCoatOfArms);
        Assert.Contains($"/media/coat-of-arms?v={town.Version}", await resident.GetStringAsync("/"));
        using var image = await resident.GetAsync("/media/coat-of-arms");
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType); // named .jpg, judged by content
        Assert.DoesNotContain("wappen')", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal((120, 144), (decoded.Width, decoded.Height));
        Assert.Contains(await fixture.AuditAsync(fixture.TownA), e => e.Action == "admin.branding.image" && e.Target == "coat-of-arms");
    }

    [Fact]
    public async Task Given_an_SVG_logo_with_script_and_event_handlers_When_uploaded_Then_the_header_shows_the_sanitized_logo_named_for_screen_readers()
    {
        var admin = await fixture.AdminOfAAsync();
        var svg = $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60" onload="alert(1)"><script>alert(2)</script><rect width="200" height="60" fill="#1f4e79"/><a href="javascript:alert(3)"><text x="10" y="40">Logo</text></a></svg>""";

        var response = await UploadAsync(admin, "logo", "logo.svg", Encoding.UTF8.GetBytes(svg));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var resident = fixture.Factory.ClientFor(AdminFixture.HostA);
        var home = await resident.GetStringAsync("/");
        Assert.Matches("<img class=\"site-brand__logo\" src=\"/media/logo\\?v=\\d+\" alt=\"Gemeinde [^\"]+\">", home);
        using var logo = await resident.GetAsync("/media/logo");
        var markup = await logo.Content.ReadAsStringAsync();
        Assert.Equal("image/svg+xml", logo.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", logo.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<rect", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onload", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", markup, StringComparison.OrdinalIgnoreCase);
        // Town A's logo is town A's alone.
        var neighbour = fixture.Factory.ClientFor(AdminFixture.HostB);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync("/media/logo")).StatusCode);
        Assert.DoesNotContain("site-brand__logo", await neighbour.GetStringAsync("/"), StringComparison.Ordinal);

        var removed = await admin.PostToAsync("/admin/gestaltung", "/admin/gestaltung?handler=RemoveImage", ("bild", "logo"));

        Assert.Equal("/admin/gestaltung?bild-gespeichert=entfernt", removed.Headers.Location?.OriginalString);
        Assert.False(Registry.Find(fixture.TownA)!.Branding.HasLogo);
        Assert.DoesNotContain("site-brand__logo", await resident.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/media/logo")).StatusCode);
    }

    public static TheoryData<string, string, string, byte[]> Refused() => new()
    {
        { "an HTML page named .png", "wappen.png", "kein Bild im Format PNG, JPEG oder WebP", Encoding.UTF8.GetBytes($"<!doctype html><p>{Script}</p>") },
        { "one byte over 2 MB", "gross.png", "größer als 2 MB", Concat(Png(8, 8), new byte[2 * 1024 * 1024]) },
        { "an SVG with its own entities", "bombe.svg", "DOCTYPE", Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>""") },
        { "a side over 4096 pixels", "breit.png", "4096", Png(4097, 1) },
        { "an empty file", "leer.png", "Bitte wählen Sie eine Datei aus", [] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Given_a_file_that_is_not_an_acceptable_image_When_uploaded_Then_a_German_message_and_nothing_changes(string what, string fileName, string message, byte[] content)
    {
        var admin = await fixture.AdminOfAAsync();
        var before = Registry.Find(fixture.TownA)!;
        var imageBefore = await (await fixture.Factory.ClientFor(AdminFixture.HostA).GetAsync("/media/coat-of-arms")).Content.ReadAsByteArrayAsync();

        var response = await UploadAsync(admin, "coat-of-arms", fileName, content);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {(int)response.StatusCode}");
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Equal(before.Version, Registry.Find(fixture.TownA)!.Version);
        Assert.Equal(imageBefore, await (await fixture.Factory.ClientFor(AdminFixture.HostA).GetAsync("/media/coat-of-arms")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Given_an_editor_When_an_image_is_uploaded_Then_no_access_and_nothing_changes()
    {
        var editor = await fixture.EditorOfAAsync();
        var before = Registry.Find(fixture.TownA)!.Version;

        var token = AdminClient.Token(await editor.GetPageAsync("/admin"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("logo"), "bild" }, { new ByteArrayContent(Png(10, 10)), "datei", "logo.png" },
        };
        var response = await editor.Http.PostAsync("/admin/gestaltung?handler=Image", form);

        // Staff who lack a permission are sent to the "no access" page, as everywhere in /admin.
        Assert.StartsWith("/fehler/403", response.Headers.Location?.OriginalString);
        Assert.Equal(before, Registry.Find(fixture.TownA)!.Version);
    }

    private static async Task<HttpResponseMessage> UploadAsync(AdminClient admin, string key, string fileName, byte[] content)
    {
        var token = AdminClient.Token(await admin.GetPageAsync("/admin/gestaltung"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(key), "bild" },
            { new ByteArrayContent(content), "datei", fileName },
        };
        return await admin.Http.PostAsync("/admin/gestaltung?handler=Image", form);
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(122, 30, 72));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
