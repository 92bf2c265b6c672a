using System.Text.Encodings.Web;
using Saas.Kernel.Localization;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Tenancy;

/// <summary>
/// The answers given before any town code runs. The not-found page is the same bytes for every
/// unknown, provisioning, disabled or archived host, so it tells an outsider nothing.
/// </summary>
internal sealed class NeutralPages(Texts texts)
{
    public async Task WriteNotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        if (IsApi(context))
        {
            await Results.Problem(statusCode: 404, title: "Not Found", detail: "No municipality is served at this address.").ExecuteAsync(context);
            return;
        }
        await WriteHtmlAsync(context, "de", "Seite nicht gefunden", $"""
            <main id="main" class="neutral">
              <h1>Diese Adresse ist nicht vergeben</h1>
              <p>Unter dieser Adresse gibt es kein Gemeindeportal. Bitte prüfen Sie die Schreibweise der Adresse.</p>
              <p lang="en">There is no municipal portal at this address. Please check the spelling.</p>
            </main>
            """);
    }

    public async Task WriteSuspendedAsync(HttpContext context, TenantSnapshot tenant)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        if (IsApi(context))
        {
            await Results.Problem(statusCode: 503, title: "Portal paused", detail: "This municipality's portal is paused; its data is kept.").ExecuteAsync(context);
            return;
        }
        var e = HtmlEncoder.Default;
        var contact = tenant.Contact;
        var phone = contact.Phone is null ? "" : $"<br>{texts.Get("suspended.phone", Culture)} {e.Encode(contact.Phone)}";
        var mail = contact.Email is null ? "" : $"<br>{texts.Get("suspended.email", Culture)} <a href=\"mailto:{e.Encode(contact.Email)}\">{e.Encode(contact.Email)}</a>";
        await WriteHtmlAsync(context, "de", e.Encode(tenant.FullName), $"""
            <main id="main" class="neutral">
              <div class="notice notice--suspended" role="status">
                <h1 class="notice__title">{e.Encode(texts.Get("suspended.title", Culture))}</h1>
                <p>{e.Encode(string.Format(Culture, texts.Get("suspended.text", Culture), tenant.FullName))}</p>
              </div>
              <h2>{e.Encode(contact.Authority)}</h2>
              <address>{e.Encode(contact.Street)}<br>{e.Encode(contact.PostalCode)} {e.Encode(contact.City)}{phone}{mail}</address>
            </main>
            """);
    }

    private static readonly System.Globalization.CultureInfo Culture = new("de-DE");

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static async Task WriteHtmlAsync(HttpContext context, string lang, string title, string body)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync($"""
            <!doctype html>
            <html lang="{lang}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="robots" content="noindex">
              <title>{title}</title>
              <link rel="stylesheet" href="/themes/base.css">
            </head>
            <body>
            {body}
            </body>
            </html>
            """);
    }
}
