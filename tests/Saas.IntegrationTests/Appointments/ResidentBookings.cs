using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using Saas.IntegrationTests.News;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Appointments;

/// <summary>A second, independent set of appointment towns for the residents' side (holds move this fixture's clock).</summary>
[CollectionDefinition(Name)]
public sealed class ResidentBookingCollection : ICollectionFixture<AppointmentsFixture>
{
    public const string Name = "appointments-residents";
}

/// <summary>What a resident without an account does: book (a hold), find the mail, confirm through its link.</summary>
internal static class ResidentBookings
{
    public sealed record Hold(Guid Id, string Token, Uri ConfirmLink);

    /// <summary>Books through the API and returns the hold with the confirmation link from the mail at the SMTP listener.</summary>
    public static async Task<Hold> HoldAsync(AppointmentsFixture fixture, Guid service, string start, string email, string host = AppointmentsFixture.HostA)
    {
        using var response = await fixture.Client(host).PostAsJsonAsync("/api/v1/appointments/bookings", AppointmentsFixture.Booking(service, start, email: email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", body.GetProperty("status").GetString());
        var mail = await HoldMailAsync(fixture, email);
        return new Hold(body.GetProperty("id").GetGuid(), body.GetProperty("manageToken").GetString()!, mail.FirstLink("/termine/bestaetigen/"));
    }

    public static Task<MimeMessage> HoldMailAsync(AppointmentsFixture fixture, string email) =>
        fixture.Smtp.WaitForMessageAsync(m => To(m, email) && (m.Subject ?? "").StartsWith("Bitte bestätigen", StringComparison.Ordinal));

    public static Task<MimeMessage> ConfirmationMailAsync(AppointmentsFixture fixture, string email) =>
        fixture.Smtp.WaitForMessageAsync(m => To(m, email) && (m.Subject ?? "").StartsWith("Ihr Termin", StringComparison.Ordinal));

    public static bool To(MimeMessage m, string email) => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase));

    public static int MailsTo(AppointmentsFixture fixture, string email, string subjectStart) =>
        fixture.Smtp.Messages.Count(m => To(m, email) && (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal));

    /// <summary>Opens the confirmation link and presses the button, as the resident does.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(AppointmentsFixture fixture, Uri link)
    {
        var client = fixture.Factory.ClientFor(link.Host, https: true);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        // Any form of the site gives this browser's antiforgery token; the confirm page has none once expired or confirmed.
        return await StaffSession.PostAsync(client, link.AbsolutePath, new() { ["Token"] = query["token"]!, ["Code"] = query["code"]! }, tokenFrom: "/konto/anmelden");
    }

    /// <summary>A booking confirmed through the mail, with its manage token.</summary>
    public static async Task<Hold> ConfirmedAsync(AppointmentsFixture fixture, Guid service, string start, string email)
    {
        var hold = await HoldAsync(fixture, service, start, email);
        using var confirmed = await ConfirmAsync(fixture, hold.ConfirmLink);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return hold;
    }

    public static Task<long> BookedAsync(AppointmentsFixture fixture, Guid town, string startUtc) =>
        fixture.ScalarAsOwnerAsync($"SELECT coalesce(sum(booked), 0) FROM appointments_slot_counts WHERE tenant_id = @t AND start_utc = '{startUtc}'", town);
}
