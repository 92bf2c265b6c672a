using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Data;
using Saas.Modules.Jobs.Data;

namespace Saas.Modules.Jobs.Postings;

/// <summary>Checks and stores postings for staff; the slug comes from the title once and stays (links in feeds keep working).</summary>
internal sealed partial class PostingEditor(JobsDbContext db, TownClock clock)
{
    public Task<List<JobPosting>> AllAsync(CancellationToken cancellationToken) =>
        db.Postings.AsNoTracking().OrderByDescending(p => p.CreatedAt).ToListAsync(cancellationToken);

    public Task<JobPosting?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Postings.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<Dictionary<Guid, int>> ApplicationCountsAsync(CancellationToken cancellationToken) =>
        await db.Applications.GroupBy(a => a.PostingId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>Field name → text key of every problem; the posting's values are written only when there are none.</summary>
    public List<(string Field, string Key)> Apply(PostingInput input, JobPosting posting)
    {
        var problems = new List<(string, string)>();
        string Text(string? value, string field, int max, bool required = true)
        {
            var text = (value ?? "").Trim();
            if (required && text.Length == 0)
            {
                problems.Add((field, "jobs.admin.error.required"));
            }
            else if (text.Length > max)
            {
                problems.Add((field, "jobs.admin.error.toolong"));
            }
            return text;
        }
        var title = Text(input.Title, nameof(input.Title), PostingInput.TitleMax);
        var department = Text(input.Department, nameof(input.Department), PostingInput.ShortMax);
        var description = Text(input.Description, nameof(input.Description), PostingInput.TextMax);
        var hours = Text(input.Hours, nameof(input.Hours), PostingInput.ShortMax);
        var payGroup = Text(input.PayGroup, nameof(input.PayGroup), 40, required: false);
        var location = Text(input.Location, nameof(input.Location), PostingInput.ShortMax);
        var contact = Text(input.Contact, nameof(input.Contact), 1000);
        var type = input.EmploymentType ?? "";
        if (!EmploymentTypes.All.Contains(type))
        {
            problems.Add((nameof(input.EmploymentType), "jobs.admin.error.type"));
        }
        DateOnly? start = null;
        if (!string.IsNullOrWhiteSpace(input.StartDate))
        {
            if (DateOnly.TryParseExact(input.StartDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s))
            {
                start = s;
            }
            else
            {
                problems.Add((nameof(input.StartDate), "jobs.admin.error.date"));
            }
        }
        if (!DateOnly.TryParseExact((input.Deadline ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline)
            || deadline.Year is < 2000 or > 2100)
        {
            problems.Add((nameof(input.Deadline), "jobs.admin.error.deadline"));
        }
        if (!clock.TryParse(input.PublishAt, out var publish))
        {
            problems.Add((nameof(input.PublishAt), "jobs.admin.error.time"));
        }
        if (!clock.TryParse(input.UnpublishAt, out var unpublish))
        {
            problems.Add((nameof(input.UnpublishAt), "jobs.admin.error.time"));
        }
        else if (unpublish is not null && publish is not null && unpublish <= publish)
        {
            problems.Add((nameof(input.UnpublishAt), "jobs.admin.error.unpublish"));
        }
        var url = (input.ApplyUrl ?? "").Trim();
        if (url.Length > 0 && (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http")))
        {
            problems.Add((nameof(input.ApplyUrl), "jobs.admin.error.url"));
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        var now = clock.UtcNow;
        if (posting.CreatedAt == default)
        {
            posting.CreatedAt = now;
        }
        posting.Title = title;
        posting.Department = department;
        posting.Description = description;
        posting.EmploymentType = type;
        posting.Hours = hours;
        posting.PayGroup = payGroup;
        posting.StartDate = start;
        posting.Location = location;
        posting.Contact = contact;
        posting.Deadline = deadline;
        posting.PublishAt = publish;
        posting.UnpublishAt = unpublish;
        var endOfDeadline = clock.EndOf(deadline);
        posting.ClosesAt = unpublish is { } u && u < endOfDeadline ? u : endOfDeadline;
        posting.ApplyUrl = url.Length == 0 ? null : url;
        posting.UpdatedAt = now;
        return problems;
    }

    /// <summary>Stores a new posting with a slug free in the town; false when the id was stored already (a second submit).</summary>
    public async Task<bool> CreateAsync(JobPosting posting, CancellationToken cancellationToken)
    {
        if (await db.Postings.AnyAsync(p => p.Id == posting.Id, cancellationToken))
        {
            return false;
        }
        var stem = Slug(posting.Title);
        var taken = (await db.Postings.Where(p => p.Slug.StartsWith(stem)).Select(p => p.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        posting.Slug = stem;
        for (var n = 2; taken.Contains(posting.Slug); n++)
        {
            posting.Slug = $"{stem[..Math.Min(stem.Length, 95)]}-{n}";
        }
        db.Postings.Add(posting);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>Web address from a title: umlauts spelled out, everything else not a-z or 0-9 a dash.</summary>
    public static string Slug(string title)
    {
        var spelled = title.Trim().ToLowerInvariant().Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var plain = new string(spelled.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
        var slug = NotAllowed().Replace(plain, "-").Trim('-');
        slug = slug.Length > 90 ? slug[..90].TrimEnd('-') : slug;
        return slug.Length == 0 ? "stelle" : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAllowed();
}
