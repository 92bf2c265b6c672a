using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Saas.Kernel.Tenancy;
using Saas.Modules.WasteCalendar.Calendar;
using Saas.Modules.WasteCalendar.Import;

namespace Saas.Modules.WasteCalendar.Pages.Admin.Abfall;

/// <summary>
/// CSV import in two steps: upload shows what would be added and removed and every line that could
/// not be read (nothing is stored); confirm applies exactly that plan in one transaction, or nothing
/// when a line is unreadable or the data changed since the preview.
/// </summary>
[RequestSizeLimit(ImportText.MaxBytes * 2)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportText.MaxBytes * 2, ValueLengthLimit = ImportText.MaxBytes * 2)]
internal sealed class WasteAdminImportModel(CsvImport import, ITenantContext tenant, TimeProvider clock) : WasteAdminPage
{
    public ImportPlan? Plan { get; private set; }
    public bool Applied { get; private set; }
    public bool Changed { get; private set; }

    /// <summary>The decoded file, carried in the form between preview and confirmation (the server keeps no upload).</summary>
    public string? FileText { get; private set; }
    public string? FileName { get; private set; }
    public int Year { get; private set; }

    public void OnGet() => Year = TownToday.Of(tenant, clock).Year + 1;

    public async Task<IActionResult> OnPostAsync(IFormFile? file, [FromForm] int? year, CancellationToken cancellationToken)
    {
        Year = Clamp(year);
        if (file is null || file.Length == 0)
        {
            Problem = T["waste.import.error.noFile"];
            return Page();
        }
        if (file.Length > ImportText.MaxBytes)
        {
            Problem = T["waste.import.error.tooLarge"];
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        FileText = ImportText.Decode(buffer.ToArray());
        FileName = Path.GetFileName(file.FileName);
        Plan = await import.PlanAsync(FileText, Year, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostBestaetigenAsync([FromForm] string? content, [FromForm] string? fingerprint, [FromForm] string? fileName, [FromForm] int? year, CancellationToken cancellationToken)
    {
        Year = Clamp(year);
        if (string.IsNullOrEmpty(content) || string.IsNullOrEmpty(fingerprint))
        {
            Problem = T["waste.import.error.noFile"];
            return Page();
        }
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(content));
        }
        catch (FormatException)
        {
            Problem = T["waste.import.error.noFile"];
            return Page();
        }
        FileName = Clean(fileName);
        var (applied, plan) = await import.ApplyAsync(text, Year, fingerprint, FileName, cancellationToken);
        Plan = plan;
        Applied = applied;
        Changed = !applied;
        FileText = text;
        return Page();
    }

    public string Encoded => Convert.ToBase64String(Encoding.UTF8.GetBytes(FileText ?? ""));

    private int Clamp(int? year)
    {
        var now = TownToday.Of(tenant, clock).Year;
        return year is { } y && y >= now - 1 && y <= now + 2 ? y : now + 1;
    }
}
