using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Modules;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Recipe;

/// <summary>Seeds categories and articles from <c>steps.news</c>; adds only what is missing, so it can run again.</summary>
internal sealed partial class NewsRecipeStep : IRecipeStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public void Validate(JsonElement step, RecipeValidationContext context)
    {
        var data = Parse(step, context);
        void Require(bool ok, string field, string problem)
        {
            if (!ok)
            {
                throw new RecipeException(context.File, $"{context.Path}.{field}", problem);
            }
        }
        var categories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (c, i) in data.Categories.Select((c, i) => (c, i)))
        {
            Require(c.Slug is not null && Slug().IsMatch(c.Slug), $"categories[{i}].slug", "must be lower-case a-z, 0-9 and '-'");
            Require(categories.Add(c.Slug!), $"categories[{i}].slug", $"'{c.Slug}' is used twice");
            Require(!string.IsNullOrWhiteSpace(c.Name), $"categories[{i}].name", "is required");
        }
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (a, i) in data.Articles.Select((a, i) => (a, i)))
        {
            Require(a.Slug is not null && Slug().IsMatch(a.Slug), $"articles[{i}].slug", "must be lower-case a-z, 0-9 and '-'");
            Require(slugs.Add(a.Slug!), $"articles[{i}].slug", $"'{a.Slug}' is used twice");
            Require(!string.IsNullOrWhiteSpace(a.Title) && a.Title.Length <= 200, $"articles[{i}].title", "is required (at most 200 characters)");
            Require(!string.IsNullOrWhiteSpace(a.Body), $"articles[{i}].body", "is required");
            Require(a.Teaser is not null && a.Teaser.Length <= 500, $"articles[{i}].teaser", "is required (at most 500 characters)");
            Require(a.Category is null || categories.Contains(a.Category), $"articles[{i}].category", $"unknown category '{a.Category}'");
            Require(a.PublishedAt is not null, $"articles[{i}].publishedAt", "is required (ISO 8601 with offset)");
        }
    }

    public async Task ApplyAsync(JsonElement step, IServiceProvider services, CancellationToken cancellationToken)
    {
        var data = Parse(step, new RecipeValidationContext("recipe", "steps.news"));
        var db = services.GetRequiredService<NewsDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, cancellationToken);
        foreach (var c in data.Categories.Where(c => !categories.ContainsKey(c.Slug!)))
        {
            var category = new Category { Slug = c.Slug!, Name = c.Name! };
            db.Categories.Add(category);
            categories[c.Slug!] = category;
        }
        var existing = (await db.Articles.Select(a => a.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var a in data.Articles.Where(a => !existing.Contains(a.Slug!)))
        {
            db.Articles.Add(new Article
            {
                Slug = a.Slug!,
                Title = a.Title!,
                Teaser = a.Teaser ?? "",
                Body = a.Body!,
                CategoryId = a.Category is null ? null : categories[a.Category].Id,
                PublishedAt = a.PublishedAt!.Value.UtcDateTime,
                Urgent = a.Urgent,
                UrgentUntil = a.UrgentUntil?.UtcDateTime,
                UpdatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static NewsStep Parse(JsonElement step, RecipeValidationContext context)
    {
        try
        {
            return step.Deserialize<NewsStep>(Json) ?? throw new RecipeException(context.File, context.Path, "is empty");
        }
        catch (JsonException ex)
        {
            throw new RecipeException(context.File, $"{context.Path}{ex.Path?.TrimStart('$')}", $"invalid: {ex.Message.Split('\n')[0]}");
        }
    }

    private sealed record NewsStep(IReadOnlyList<CategoryStep> Categories, IReadOnlyList<ArticleStep> Articles);

    private sealed record CategoryStep(string? Slug, string? Name);

    private sealed record ArticleStep(
        string? Slug, string? Title, string? Category, DateTimeOffset? PublishedAt, string? Teaser, string? Body, bool Urgent, DateTimeOffset? UrgentUntil);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex Slug();
}
