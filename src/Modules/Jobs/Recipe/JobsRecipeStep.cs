using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Modules;
using Saas.Modules.Jobs.Data;
using Saas.Modules.Jobs.Postings;

namespace Saas.Modules.Jobs.Recipe;

/// <summary>
/// Seeds postings from <c>steps.jobs</c>. Dates are relative to the day the recipe is applied
/// (<c>postedDaysAgo</c>, <c>deadlineInDays</c>), so a demo town always has open positions; adds only
/// postings whose slug is missing, so it can run again.
/// </summary>
internal sealed class JobsRecipeStep : IRecipeStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public void Validate(JsonElement step, RecipeValidationContext context)
    {
        var data = Parse(step, context);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (p, i) in data.Postings.Select((p, i) => (p, i)))
        {
            void Require(bool ok, string field, string problem)
            {
                if (!ok)
                {
                    throw new RecipeException(context.File, $"{context.Path}.postings[{i}].{field}", problem);
                }
            }
            Require(!string.IsNullOrWhiteSpace(p.Title) && p.Title.Length <= PostingInput.TitleMax, "title", "is required (at most 200 characters)");
            Require(slugs.Add(PostingEditor.Slug(p.Title!)), "title", "is used twice");
            Require(!string.IsNullOrWhiteSpace(p.Department), "department", "is required");
            Require(!string.IsNullOrWhiteSpace(p.Description), "description", "is required");
            Require(p.EmploymentType is not null && EmploymentTypes.All.Contains(p.EmploymentType), "employmentType", $"must be one of {string.Join(", ", EmploymentTypes.All)}");
            Require(!string.IsNullOrWhiteSpace(p.Hours), "hours", "is required");
            Require(!string.IsNullOrWhiteSpace(p.Location), "location", "is required");
            Require(!string.IsNullOrWhiteSpace(p.Contact), "contact", "is required");
            Require(p.DeadlineInDays is > 0 and < 366, "deadlineInDays", "must be between 1 and 365");
            Require(p.PostedDaysAgo is >= 0 and < 366, "postedDaysAgo", "must be between 0 and 365");
            Require(p.ApplyUrl is null || (Uri.TryCreate(p.ApplyUrl, UriKind.Absolute, out var u) && u.Scheme == "https"), "applyUrl", "must be an https address");
        }
    }

    public async Task ApplyAsync(JsonElement step, IServiceProvider services, CancellationToken cancellationToken)
    {
        var data = Parse(step, new RecipeValidationContext("recipe", "steps.jobs"));
        var db = services.GetRequiredService<JobsDbContext>();
        var clock = services.GetRequiredService<TownClock>();
        var existing = (await db.Postings.Select(p => p.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var today = clock.Today;
        foreach (var p in data.Postings.Where(p => !existing.Contains(PostingEditor.Slug(p.Title!))))
        {
            var deadline = today.AddDays(p.DeadlineInDays);
            var published = clock.UtcNow.Date.AddDays(-p.PostedDaysAgo).AddHours(7);
            db.Postings.Add(new JobPosting
            {
                Slug = PostingEditor.Slug(p.Title!),
                Title = p.Title!,
                Department = p.Department!,
                Description = p.Description!,
                EmploymentType = p.EmploymentType!,
                Hours = p.Hours!,
                PayGroup = p.PayGroup ?? "",
                StartDate = p.StartInDays is { } start ? today.AddDays(start) : null,
                Location = p.Location!,
                Contact = p.Contact!,
                Deadline = deadline,
                ClosesAt = clock.EndOf(deadline),
                PublishAt = published,
                ApplyUrl = p.ApplyUrl,
                CreatedAt = published,
                UpdatedAt = published,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static JobsStep Parse(JsonElement step, RecipeValidationContext context)
    {
        try
        {
            return step.Deserialize<JobsStep>(Json) ?? throw new RecipeException(context.File, context.Path, "is empty");
        }
        catch (JsonException ex)
        {
            throw new RecipeException(context.File, $"{context.Path}{ex.Path?.TrimStart('$')}", $"invalid: {ex.Message.Split('\n')[0]}");
        }
    }

    private sealed record JobsStep(IReadOnlyList<PostingStep> Postings);

    private sealed record PostingStep(
        string? Title, string? Department, string? Description, string? EmploymentType, string? Hours, string? PayGroup,
        int? StartInDays, string? Location, string? Contact, int DeadlineInDays, int PostedDaysAgo, string? ApplyUrl);
}
