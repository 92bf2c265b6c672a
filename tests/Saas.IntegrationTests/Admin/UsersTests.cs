using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Host.Accounts;
using Saas.Host.Admin;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Security;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Admin;

/// <summary>Inviting staff by mail, the invitation link (once, 72 hours), roles, disabling, and the rules that keep a town administrable.</summary>
public sealed class UsersTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Given_an_invitation_When_the_mailed_link_is_followed_Then_the_person_sets_a_password_and_enrols_on_first_sign_in_and_the_link_is_spent()
    {
        var admin = await fixture.AdminOfAAsync();
        var email = $"neu-{Guid.NewGuid():N}@adm-a.example";

        var invite = await admin.PostFormAsync("/admin/benutzer/einladen", ("Email", email), ("Name", "Neue <i>Kollegin</i>"), ("Role", Roles.Editor));

        Assert.Equal("/admin/benutzer?hinweis=eingeladen", invite.Headers.Location!.OriginalString);
        var list = await admin.GetPageAsync("/admin/benutzer");
        Assert.Contains("Neue &lt;i&gt;Kollegin&lt;/i&gt;", list);
        var mail = await fixture.Smtp.WaitForMessageToAsync(email);
        Assert.Contains("Einladung", mail.Subject);
        var link = mail.FirstLink("/admin/einladung");
        Assert.Equal(AdminFixture.HostA, link.Host);
        var invited = fixture.Client();
        var pathAndQuery = link.PathAndQuery;
        Assert.Contains("Legen Sie Ihr Passwort für den Verwaltungsbereich fest", await invited.GetPageAsync(pathAndQuery));

        var accepted = await invited.PostFormAsync(pathAndQuery, ("Password", "Brunnenweg-Linde-2026"), ("Confirm", "Brunnenweg-Linde-2026"));

        Assert.Equal("/admin/anmelden?hinweis=passwort-gesetzt", accepted.Headers.Location!.OriginalString);
        var signIn = await invited.PostFormAsync("/admin/anmelden", ("Email", email), ("Password", "Brunnenweg-Linde-2026"));
        Assert.Equal("/admin/anmelden/einrichten", signIn.Headers.Location!.OriginalString);
        var replay = await fixture.Client().GetPageAsync(pathAndQuery);
        Assert.Contains("wurde schon verwendet", replay);
        Assert.DoesNotContain("name=\"Password\"", replay);
        var audit = await fixture.AuditAsync(fixture.TownA);
        Assert.Contains(audit, e => e.Action == "admin.users.invited" && e.Target == email && e.ActorName == "Chefin A" && e.Address is not null);
        Assert.Contains(audit, e => e.Action == "admin.users.invitationAccepted" && e.Target == email);
    }

    [Fact]
    public async Task Given_an_invitation_older_than_72_hours_When_the_link_is_opened_or_posted_Then_it_says_so_and_sets_no_password()
    {
        var account = await TestAccounts.CreateAsync(fixture.Factory, fixture.TownA, $"alt-{Guid.NewGuid():N}@adm-a.example", Roles.Editor, enrolTotp: false);
        var code = await TestTowns.AsTownAsync(fixture.Factory, fixture.TownA, async services =>
        {
            var db = services.GetRequiredService<AccountsDbContext>();
            var row = await db.Accounts.SingleAsync(a => a.Id == account.Id);
            row.PasswordHash = null; // an open invitation has no password yet
            await db.SaveChangesAsync();
            return services.GetRequiredService<InvitationTokens>().Create(row, DateTimeOffset.UtcNow - InvitationTokens.Lifetime - TimeSpan.FromMinutes(1));
        });
        var path = $"/admin/einladung?konto={account.Id}&code={Uri.EscapeDataString(code)}";
        var client = fixture.Client();

        var page = await client.GetPageAsync(path);
        var post = await client.PostToAsync("/admin/anmelden", path, ("konto", account.Id.ToString()), ("code", code), ("Password", "Brunnenweg-Linde-2026"), ("Confirm", "Brunnenweg-Linde-2026"));

        Assert.Contains("abgelaufen", page);
        Assert.Contains("abgelaufen", await post.Content.ReadAsStringAsync());
        Assert.Null(await PasswordHashAsync(account.Id));
    }

    [Fact]
    public async Task Given_a_tampered_or_foreign_link_When_opened_Then_invalid_and_nothing_changes()
    {
        var bogus = await fixture.Client().GetPageAsync($"/admin/einladung?konto={fixture.EditorA.Id}&code=abc");
        var foreign = await fixture.Client(AdminFixture.HostB).GetPageAsync($"/admin/einladung?konto={fixture.EditorA.Id}&code=abc");

        Assert.Contains("ungültig", bogus);
        Assert.Contains("ungültig", foreign);
    }

    [Fact]
    public async Task Given_a_staff_member_When_the_admin_changes_the_role_Then_it_is_stored_their_session_ends_and_it_is_audited()
    {
        var editor = await TestAccounts.CreateAsync(fixture.Factory, fixture.TownA, $"rolle-{Guid.NewGuid():N}@adm-a.example", Roles.Editor);
        var session = await fixture.Client().AsStaffAsync(fixture.TownA, editor.Id);
        var admin = await fixture.AdminOfAAsync();

        var response = await admin.PostToAsync("/admin/benutzer", $"/admin/benutzer?handler=Role&id={editor.Id}", ("role", Roles.TenantAdmin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ist geändert", await response.Content.ReadAsStringAsync());
        Assert.Equal(Roles.TenantAdmin, await RoleAsync(editor.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/admin")).StatusCode);
        Assert.Contains(await fixture.AuditAsync(fixture.TownA), e => e.Action == "admin.users.roleChanged" && e.Details == "Editor → TenantAdmin");
    }

    [Fact]
    public async Task Given_a_staff_member_When_disabled_Then_all_their_sessions_end_and_sign_in_is_refused_until_enabled()
    {
        var editor = await TestAccounts.CreateAsync(fixture.Factory, fixture.TownA, $"sperre-{Guid.NewGuid():N}@adm-a.example", Roles.Editor);
        var session = await fixture.Client().AsStaffAsync(fixture.TownA, editor.Id);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin")).StatusCode);
        var admin = await fixture.AdminOfAAsync();

        await admin.PostToAsync("/admin/benutzer", $"/admin/benutzer?handler=Disable&id={editor.Id}");

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/admin")).StatusCode);
        var signIn = await fixture.Client().PostFormAsync("/admin/anmelden", ("Email", editor.Email), ("Password", editor.Password));
        Assert.Contains("E-Mail-Adresse oder Passwort stimmen nicht", await signIn.Content.ReadAsStringAsync());
        await admin.PostToAsync("/admin/benutzer", $"/admin/benutzer?handler=Enable&id={editor.Id}");
        var again = await fixture.Client().PostFormAsync("/admin/anmelden", ("Email", editor.Email), ("Password", editor.Password));
        Assert.Equal("/admin/anmelden/zweiter-faktor", again.Headers.Location!.OriginalString);
        var audit = await fixture.AuditAsync(fixture.TownA);
        Assert.Contains(audit, e => e.Action == "admin.users.disabled" && e.Target == editor.Email);
        Assert.Contains(audit, e => e.Action == "admin.users.enabled" && e.Target == editor.Email);
    }

    [Fact]
    public async Task Given_a_TenantAdmin_When_they_try_to_demote_or_disable_themselves_Then_refused_and_nothing_changes()
    {
        var self = await TestAccounts.CreateAsync(fixture.Factory, fixture.TownA, $"selbst-{Guid.NewGuid():N}@adm-a.example", Roles.TenantAdmin);
        var client = await fixture.Client().AsStaffAsync(fixture.TownA, self.Id);

        var demote = await client.PostToAsync("/admin/benutzer", $"/admin/benutzer?handler=Role&id={self.Id}", ("role", Roles.Editor));
        var disable = await client.PostToAsync("/admin/benutzer", $"/admin/benutzer?handler=Disable&id={self.Id}");

        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("Ihr eigenes Konto", await demote.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Equal(Roles.TenantAdmin, await RoleAsync(self.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Given_the_last_active_TenantAdmin_When_someone_else_demotes_or_disables_them_Then_refused()
    {
        // A town of its own with exactly one TenantAdmin; the actor is not an admin account of it
        // (as in support access), so only the last-admin rule stands in the way.
        var slug = $"letzte-{Guid.NewGuid():N}"[..20];
        var town = await TestTowns.CreateAsync(fixture.Factory, slug);
        var only = await TestAccounts.CreateAsync(fixture.Factory, town, $"einzige@{slug}.example", Roles.TenantAdmin);
        var actor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], "test"));

        var (demote, disable) = await TestTowns.AsTownAsync(fixture.Factory, town, async services =>
        {
            var staff = services.GetRequiredService<StaffAdministration>();
            return (await staff.ChangeRoleAsync(actor, only.Id, Roles.Editor, CancellationToken.None),
                await staff.SetDisabledAsync(actor, only.Id, disabled: true, CancellationToken.None));
        });

        Assert.Equal("admin.users.error.lastAdmin", demote.ErrorKey);
        Assert.Equal("admin.users.error.lastAdmin", disable.ErrorKey);
        Assert.Equal(Roles.TenantAdmin, await TestTowns.AsTownAsync(fixture.Factory, town, s => s.GetRequiredService<AccountsDbContext>().Accounts.Where(a => a.Id == only.Id).Select(a => a.Role).SingleAsync()));
    }

    [Fact]
    public async Task Given_the_users_page_Then_it_shows_staff_and_only_the_number_of_residents_and_each_roles_permissions()
    {
        var admin = await fixture.AdminOfAAsync();

        var html = await admin.GetPageAsync("/admin/benutzer");

        Assert.Contains("redaktion@adm-a.example", html);
        Assert.DoesNotContain(fixture.ResidentA.Email, html);
        Assert.Contains("Einwohnerkonten", html);
        Assert.Contains("Meldungen bearbeiten", html); // a News permission, from the module
        Assert.DoesNotContain("chef@adm-b.example", html);
    }

    [Fact]
    public async Task Given_an_address_that_already_has_an_account_When_invited_Then_a_clear_message_and_no_mail()
    {
        var admin = await fixture.AdminOfAAsync();

        var response = await admin.PostFormAsync("/admin/benutzer/einladen", ("Email", fixture.ResidentA.Email), ("Name", "Doppelt"), ("Role", Roles.Editor));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("schon ein Einwohnerkonto", await response.Content.ReadAsStringAsync());
        Assert.Equal(Roles.Resident, await RoleAsync(fixture.ResidentA.Id));
    }

    private Task<string> RoleAsync(Guid id) =>
        TestTowns.AsTownAsync(fixture.Factory, fixture.TownA, s => s.GetRequiredService<AccountsDbContext>().Accounts.Where(a => a.Id == id).Select(a => a.Role).SingleAsync());

    private Task<string?> PasswordHashAsync(Guid id) =>
        TestTowns.AsTownAsync(fixture.Factory, fixture.TownA, s => s.GetRequiredService<AccountsDbContext>().Accounts.Where(a => a.Id == id).Select(a => a.PasswordHash).SingleAsync());
}
