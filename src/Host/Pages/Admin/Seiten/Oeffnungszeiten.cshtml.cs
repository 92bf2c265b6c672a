using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Saas.Host.Admin;
using Saas.Host.TownHall;
using Saas.Kernel.Audit;
using Saas.Kernel.Localization;

namespace Saas.Host.Pages.Admin.Seiten;

/// <summary>
/// Opening hours as rows (day, from, to, note). Adding and removing rows works without JavaScript:
/// both re-show the form and store nothing; "Speichern" checks every row and replaces all at once.
/// </summary>
internal sealed class OpeningHoursModel(TownHallDbContext db, TownCache cache, IAuditLog audit, Texts texts) : PageModel
{
    public const int MaxRows = 50;
    public const int MaxNote = 100;

    public sealed class Row
    {
        public int Day { get; set; } = 1;
        public string? Opens { get; set; }
        public string? Closes { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    [FromQuery(Name = "gespeichert")]
    public bool Saved { get; set; }

    public bool Unsaved { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var hours = await OpeningHoursQuery.LoadAsync(db, cancellationToken);
        Rows = hours.Select(h => new Row { Day = h.DayOfWeek, Opens = h.Opens, Closes = h.Closes, Note = h.Note }).ToList();
    }

    public PageResult OnPostAdd()
    {
        if (Rows.Count < MaxRows)
        {
            Rows.Add(new Row { Day = Rows.LastOrDefault()?.Day ?? 1 });
        }
        return Unchanged();
    }

    public PageResult OnPostRemove(int index)
    {
        if (index >= 0 && index < Rows.Count)
        {
            Rows.RemoveAt(index);
        }
        return Unchanged();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Saved = false;
        if (!Validate())
        {
            return Page();
        }
        var rows = Rows
            .Select(r => new OpeningHours { DayOfWeek = r.Day, Opens = r.Opens!, Closes = r.Closes!, Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim() })
            .OrderBy(r => (r.DayOfWeek + 6) % 7).ThenBy(r => r.Opens, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Position = i;
        }
        // One SaveChanges: the old rows go and the new ones come in the same transaction.
        db.OpeningHours.RemoveRange(await db.OpeningHours.ToListAsync(cancellationToken));
        db.OpeningHours.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("admin.hours.saved", texts["admin.hours.title"],
            string.Join("; ", rows.Select(r => $"{texts.Get($"day.{r.DayOfWeek}", CultureInfo.GetCultureInfo("de"))} {r.Opens}–{r.Closes}{(r.Note is null ? "" : $" ({r.Note})")}")),
            cancellationToken);
        await cache.EvictAsync(cancellationToken);
        return LocalRedirect("/admin/seiten/oeffnungszeiten?gespeichert=true");
    }

    private PageResult Unchanged()
    {
        // The rows are re-rendered from the model, not from the posted values of the old positions.
        ModelState.Clear();
        Saved = false;
        Unsaved = true;
        return Page();
    }

    private bool Validate()
    {
        if (Rows.Count > MaxRows)
        {
            Errors["row-0-opens"] = texts.Format("admin.hours.error.tooMany", MaxRows);
            return false;
        }
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var key = $"row-{i}-opens";
            if (row.Day is < 0 or > 6)
            {
                Errors[key] = texts.Format("admin.hours.error.day", i + 1);
            }
            else if (!IsTime(row.Opens) || !IsTime(row.Closes))
            {
                Errors[key] = texts.Format("admin.hours.error.time", i + 1);
            }
            else if (string.CompareOrdinal(row.Opens, row.Closes) >= 0)
            {
                Errors[key] = texts.Format("admin.hours.error.order", i + 1, row.Opens, row.Closes);
            }
            else if (row.Note is { } note && note.Trim().Length > MaxNote)
            {
                Errors[key] = texts.Format("admin.hours.error.note", i + 1, MaxNote);
            }
        }
        if (Errors.Count == 0)
        {
            foreach (var day in Rows.Select((r, i) => (Row: r, Index: i)).GroupBy(r => r.Row.Day))
            {
                var slots = day.OrderBy(r => r.Row.Opens, StringComparer.Ordinal).ToList();
                for (var j = 1; j < slots.Count; j++)
                {
                    if (string.CompareOrdinal(slots[j].Row.Opens, slots[j - 1].Row.Closes) < 0)
                    {
                        Errors[$"row-{slots[j].Index}-opens"] = texts.Format("admin.hours.error.overlap", slots[j].Index + 1, texts[$"day.{day.Key}"]);
                    }
                }
            }
        }
        return Errors.Count == 0;
    }

    private static bool IsTime(string? value) =>
        value is { Length: 5 } && TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
