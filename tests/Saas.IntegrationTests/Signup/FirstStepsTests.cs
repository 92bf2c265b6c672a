using System.Net;
using Saas.IntegrationTests.Infrastructure;
using Saas.IntegrationTests.News;
using Saas.Kernel.Security;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Signup;

/// <summary>A town fresh from signup lists the placeholders still to replace; each step is done when the data says so.</summary>
[Collection(SignupCollection.Name)]
public sealed class FirstStepsTests(SignupFixture platform)
{
    [Fact]
    public async Task Given_a_town_fresh_from_signup_When_its_admin_replaces_the_impressum_Then_the_first_steps_count_it_done()
    {
        await platform.SubmitAsync(SignupFixture.WithFeatures(SignupFixture.Form("schritte-dorf", "schritte@example.org"), "news"));
        var link = (await platform.Smtp.WaitForMessageToAsync("schritte@example.org")).FirstLink("/registrieren/bestaetigen/");
        using var live = await platform.Visitor().SubmitAsync(link.PathAndQuery, []);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var townId = Guid.Parse(link.AbsolutePath.Split('/')[^1]); // the signup's id is the town's
        var colleague = await TestAccounts.CreateAsync(platform.Factory, townId, "kollegin@schritte.example", Roles.TenantAdmin);
        var admin = await StaffSession.SignInAsync(platform.Factory, "schritte-dorf.localhost", colleague, platform.Clock);

        var dashboard = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin"));
        Assert.Contains("Erste Schritte", dashboard, StringComparison.Ordinal);
        Assert.Contains("0 von 8 erledigt", dashboard, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/seiten/impressum\">Impressum vervollständigen</a>", dashboard, StringComparison.Ordinal);

        var saved = await StaffSession.PostAsync(admin, "/admin/seiten/impressum", new()
        {
            ["PageTitle"] = "Impressum",
            ["Body"] = "Gemeindeverwaltung Görzke, Hauptstraße 1, 14828 Görzke. Vertreten durch die Bürgermeisterin.",
        });
        Assert.True(saved.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)saved.StatusCode}");

        dashboard = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin"));
        Assert.Contains("1 von 8 erledigt", dashboard, StringComparison.Ordinal);
        Assert.Matches("first-steps__item--done\">\\s*<span class=\"first-steps__state\">✓<span class=\"visually-hidden\">erledigt</span></span>\\s*<a href=\"/admin/seiten/impressum\">", dashboard);
    }
}
