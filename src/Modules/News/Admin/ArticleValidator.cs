namespace Saas.Modules.News.Admin;

/// <summary>Checks the article form; problems are (field, text key) pairs, shown next to the field.</summary>
internal static class ArticleValidator
{
    public static (ArticleValues? Values, List<(string Field, string Key)> Problems) Check(
        ArticleInput input, TownTime time, IReadOnlyCollection<Guid> categories, bool hasImage)
    {
        var problems = new List<(string, string)>();
        var title = Clean(input.Title);
        if (title.Length == 0)
        {
            problems.Add((nameof(input.Title), "news.admin.error.title.required"));
        }
        else if (title.Length > ArticleInput.TitleMax)
        {
            problems.Add((nameof(input.Title), "news.admin.error.title.long"));
        }

        var slug = (input.Slug ?? "").Trim();
        if (slug.Length > 0 && !SlugMaker.IsValid(slug))
        {
            problems.Add((nameof(input.Slug), "news.admin.error.slug.invalid"));
        }
        else if (slug.Length == 0 && title.Length > 0 && SlugMaker.From(title).Length == 0)
        {
            problems.Add((nameof(input.Slug), "news.admin.error.slug.none"));
        }

        Guid? category = null;
        if (!string.IsNullOrEmpty(input.CategoryId))
        {
            if (Guid.TryParse(input.CategoryId, out var id) && categories.Contains(id))
            {
                category = id;
            }
            else
            {
                problems.Add((nameof(input.CategoryId), "news.admin.error.category.unknown"));
            }
        }

        var teaser = (input.Teaser ?? "").Trim();
        if (teaser.Length == 0)
        {
            problems.Add((nameof(input.Teaser), "news.admin.error.teaser.required"));
        }
        else if (teaser.Length > ArticleInput.TeaserMax)
        {
            problems.Add((nameof(input.Teaser), "news.admin.error.teaser.long"));
        }

        var body = (input.Body ?? "").Trim();
        if (body.Length == 0)
        {
            problems.Add((nameof(input.Body), "news.admin.error.body.required"));
        }
        else if (body.Length > ArticleInput.BodyMax)
        {
            problems.Add((nameof(input.Body), "news.admin.error.body.long"));
        }

        var publish = Time(time, input.PublishAt, nameof(input.PublishAt), problems);
        var unpublish = Time(time, input.UnpublishAt, nameof(input.UnpublishAt), problems);
        var urgentUntil = Time(time, input.UrgentUntil, nameof(input.UrgentUntil), problems);
        if (unpublish is not null && publish is null && Filled(input.PublishAt) is false)
        {
            problems.Add((nameof(input.UnpublishAt), "news.admin.error.unpublish.withoutPublish"));
        }
        else if (unpublish is not null && publish is not null && unpublish <= publish)
        {
            problems.Add((nameof(input.UnpublishAt), "news.admin.error.unpublish.beforePublish"));
        }
        if (urgentUntil is not null && !input.Urgent)
        {
            problems.Add((nameof(input.UrgentUntil), "news.admin.error.urgentUntil.notUrgent"));
        }
        else if (urgentUntil is not null && publish is not null && urgentUntil <= publish)
        {
            problems.Add((nameof(input.UrgentUntil), "news.admin.error.urgentUntil.beforePublish"));
        }

        var alt = Clean(input.ImageAlt);
        if (hasImage && alt.Length == 0)
        {
            problems.Add((nameof(input.ImageAlt), "news.admin.error.imageAlt.required"));
        }
        else if (alt.Length > ArticleInput.AltMax)
        {
            problems.Add((nameof(input.ImageAlt), "news.admin.error.imageAlt.long"));
        }

        return problems.Count > 0
            ? (null, problems)
            : (new ArticleValues(title, slug.Length == 0 ? null : slug, category, teaser, body, publish, unpublish, input.Urgent, urgentUntil,
                hasImage ? alt : null), problems);
    }

    private static bool Filled(string? value) => !string.IsNullOrWhiteSpace(value);

    private static DateTime? Time(TownTime time, string? value, string field, List<(string, string)> problems)
    {
        var parsed = time.Parse(value);
        switch (parsed.Result)
        {
            case TimeParseResult.Invalid:
                problems.Add((field, "news.admin.error.time.invalid"));
                break;
            case TimeParseResult.Skipped:
                problems.Add((field, "news.admin.error.time.skipped"));
                break;
        }
        return parsed.Utc;
    }

    /// <summary>One line: line breaks and other control characters become spaces.</summary>
    private static string Clean(string? value) =>
        new string((value ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
}
