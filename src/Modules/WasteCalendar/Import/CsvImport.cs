using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Audit;
using Saas.Kernel.Content;
using Saas.Modules.WasteCalendar.Addresses;
using Saas.Modules.WasteCalendar.Data;

namespace Saas.Modules.WasteCalendar.Import;

/// <summary>One collection in a plan, with names for the preview.</summary>
internal sealed record PlannedCollection(Guid AreaId, string Area, Guid TypeId, string Type, DateOnly Day);

/// <summary>
/// What an import would do: for every area and type the file names, the file's dates of each year
/// it covers replace the stored dates of that year. <see cref="Fingerprint"/> lets the confirmation
/// notice that data changed since the preview.
/// </summary>
internal sealed record ImportPlan(
    IReadOnlyList<PlannedCollection> Added,
    IReadOnlyList<PlannedCollection> Removed,
    int Unchanged,
    IReadOnlyList<ImportProblem> Problems,
    string Fingerprint)
{
    public bool CanApply => Problems.Count == 0 && (Added.Count > 0 || Removed.Count > 0);
}

/// <summary>The CSV import: a preview that changes nothing, then all of it in one transaction, or nothing.</summary>
internal sealed class CsvImport(WasteDbContext db, IAuditLog audit, IPublicPages pages)
{
    public async Task<ImportPlan> PlanAsync(string text, int defaultYear, CancellationToken cancellationToken)
    {
        var (rows, problems) = CsvRows.Read(text, defaultYear);
        var allProblems = problems.ToList();
        var areas = await db.Areas.AsNoTracking().ToListAsync(cancellationToken);
        var types = await db.Types.AsNoTracking().ToListAsync(cancellationToken);
        var areaByKey = areas.GroupBy(a => AddressKey.Of(a.Name)).ToDictionary(g => g.Key, g => g.First());
        var typeByKey = types.GroupBy(t => AddressKey.Of(t.Name)).ToDictionary(g => g.Key, g => g.First());
        var wanted = new Dictionary<(Guid Area, Guid Type, DateOnly Day), PlannedCollection>();
        foreach (var row in rows)
        {
            // Names are compared as residents' addresses are: "Gelbe Tonne/Wertstoffe" = "gelbe tonne wertstoffe".
            if (!areaByKey.TryGetValue(AddressKey.Of(row.Area), out var area))
            {
                allProblems.Add(new ImportProblem(row.Line, "waste.import.error.area", row.Area));
                continue;
            }
            if (!typeByKey.TryGetValue(AddressKey.Of(row.Type), out var type))
            {
                allProblems.Add(new ImportProblem(row.Line, "waste.import.error.type", row.Type));
                continue;
            }
            wanted.TryAdd((area.Id, type.Id, row.Day), new PlannedCollection(area.Id, area.Name, type.Id, type.Name, row.Day));
        }
        var scopes = wanted.Keys.Select(k => (k.Area, k.Type, k.Day.Year)).ToHashSet();
        var scopeAreas = scopes.Select(s => s.Area).Distinct().ToList();
        var stored = await db.Collections.AsNoTracking().Where(c => scopeAreas.Contains(c.AreaId)).ToListAsync(cancellationToken);
        var inScope = stored.Where(c => scopes.Contains((c.AreaId, c.TypeId, c.Day.Year))).ToList();
        var storedKeys = inScope.Select(c => (c.AreaId, c.TypeId, c.Day)).ToHashSet();
        var added = wanted.Where(w => !storedKeys.Contains(w.Key)).Select(w => w.Value).OrderBy(p => p.Day).ThenBy(p => p.Area).ThenBy(p => p.Type).ToList();
        var areaNames = areas.ToDictionary(a => a.Id, a => a.Name);
        var typeNames = types.ToDictionary(t => t.Id, t => t.Name);
        var removed = inScope.Where(c => !wanted.ContainsKey((c.AreaId, c.TypeId, c.Day)))
            .Select(c => new PlannedCollection(c.AreaId, areaNames[c.AreaId], c.TypeId, typeNames[c.TypeId], c.Day))
            .OrderBy(p => p.Day).ThenBy(p => p.Area).ThenBy(p => p.Type).ToList();
        var problemsSorted = allProblems.OrderBy(p => p.Line).ToList();
        return new ImportPlan(added, removed, wanted.Count - added.Count, problemsSorted, Fingerprint(added, removed));
    }

    /// <summary>Applies the plan of <paramref name="text"/> if it is still the one previewed; false when it changed or cannot apply.</summary>
    public async Task<(bool Applied, ImportPlan Plan)> ApplyAsync(string text, int defaultYear, string previewed, string fileName, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(text, defaultYear, cancellationToken);
        if (!plan.CanApply || !string.Equals(plan.Fingerprint, previewed, StringComparison.Ordinal))
        {
            return (false, plan);
        }
        // One SaveChanges is one transaction: every removal and addition is written, or none.
        var gone = plan.Removed.Select(r => (r.AreaId, r.TypeId, r.Day)).ToHashSet();
        var areaIds = gone.Select(g => g.AreaId).Distinct().ToList();
        var stored = await db.Collections.Where(c => areaIds.Contains(c.AreaId)).ToListAsync(cancellationToken);
        db.Collections.RemoveRange(stored.Where(c => gone.Contains((c.AreaId, c.TypeId, c.Day))));
        foreach (var a in plan.Added)
        {
            db.Collections.Add(new Collection { AreaId = a.AreaId, TypeId = a.TypeId, Day = a.Day });
        }
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("waste.import.applied", fileName, $"+{plan.Added.Count} −{plan.Removed.Count}", cancellationToken);
        await pages.ChangedAsync(cancellationToken);
        return (true, plan);
    }

    private static string Fingerprint(IEnumerable<PlannedCollection> added, IEnumerable<PlannedCollection> removed)
    {
        var text = new StringBuilder();
        foreach (var a in added)
        {
            text.Append('+').Append(a.AreaId).Append(a.TypeId).Append(a.Day.DayNumber).Append('\n');
        }
        foreach (var r in removed)
        {
            text.Append('-').Append(r.AreaId).Append(r.TypeId).Append(r.Day.DayNumber).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
