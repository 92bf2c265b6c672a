using Microsoft.EntityFrameworkCore;
using Saas.Modules.Jobs.Data;

namespace Saas.Modules.Jobs.Postings;

/// <summary>What residents see: published postings whose deadline (and unpublish time) has not passed, by the town's clock.</summary>
internal sealed class JobQueries(JobsDbContext db, TownClock clock)
{
    /// <summary>Open postings, newest first; <paramref name="search"/> matches title and department, the others are exact.</summary>
    public async Task<IReadOnlyList<JobPosting>> OpenAsync(string? search, string? department, string? type, CancellationToken cancellationToken)
    {
        var query = Open();
        if (!string.IsNullOrWhiteSpace(department))
        {
            query = query.Where(p => p.Department == department);
        }
        if (!string.IsNullOrWhiteSpace(type))
        {
            query = query.Where(p => p.EmploymentType == type);
        }
        var postings = await query.OrderByDescending(p => p.PublishAt).ThenBy(p => p.Title).ToListAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(search))
        {
            return postings;
        }
        // A town has a handful of open postings: matching in memory keeps umlauts and case the same on both databases.
        var words = search.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return postings.Where(p => words.All(w =>
            p.Title.Contains(w, StringComparison.CurrentCultureIgnoreCase) || p.Department.Contains(w, StringComparison.CurrentCultureIgnoreCase))).ToList();
    }

    public async Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken cancellationToken) =>
        (await Open().Select(p => p.Department).Distinct().ToListAsync(cancellationToken)).Order(StringComparer.CurrentCulture).ToList();

    public Task<JobPosting?> FindOpenAsync(string slug, CancellationToken cancellationToken) =>
        Open().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);

    /// <summary>A published posting, open or closed: an application sent a minute after the deadline gets "closed", not 404.</summary>
    public Task<JobPosting?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Postings.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.PublishAt != null && p.PublishAt <= clock.UtcNow, cancellationToken);

    private IQueryable<JobPosting> Open()
    {
        var now = clock.UtcNow;
        return db.Postings.AsNoTracking().Where(p => p.PublishAt != null && p.PublishAt <= now && p.ClosesAt > now);
    }
}
