using Saas.Kernel.Data;

namespace Saas.Modules.Jobs.Data;

/// <summary>A job posting (Stellenausschreibung) of the town.</summary>
internal sealed class JobPosting : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Department { get; set; }

    /// <summary>Markdown; rendered through the kernel's sanitizing renderer only.</summary>
    public required string Description { get; set; }

    /// <summary>One of <see cref="EmploymentTypes.All"/>.</summary>
    public required string EmploymentType { get; set; }
    public required string Hours { get; set; }

    /// <summary>TVöD pay group as staff write it, e.g. "E 9a"; empty when not stated.</summary>
    public string PayGroup { get; set; } = "";

    /// <summary>Start of work; null means "as soon as possible".</summary>
    public DateOnly? StartDate { get; set; }
    public required string Location { get; set; }
    public required string Contact { get; set; }

    /// <summary>The last day applications are accepted (town's calendar, inclusive).</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>
    /// The moment the posting stops taking applications and leaves the resident pages (UTC): the end of
    /// <see cref="Deadline"/> in the town's zone, or the earlier unpublish time. Stored so every query
    /// filters by one column and the retention job knows when the clock started.
    /// </summary>
    public DateTime ClosesAt { get; set; }

    /// <summary>Null: a draft residents never see.</summary>
    public DateTime? PublishAt { get; set; }
    public DateTime? UnpublishAt { get; set; }

    /// <summary>An external application portal (Interamt …); when set, there is no online form.</summary>
    public string? ApplyUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsOpenAt(DateTime nowUtc) => PublishAt is { } from && from <= nowUtc && ClosesAt > nowUtc;
}

/// <summary>An application sent through the online form.</summary>
internal sealed class JobApplication : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>The form's own id: a second submit of the same form finds this row instead of making another.</summary>
    public Guid Id { get; set; }
    public Guid PostingId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public required string CoverLetter { get; set; }

    /// <summary>One of <see cref="ApplicationStatus.All"/>.</summary>
    public string Status { get; set; } = ApplicationStatus.Received;
    public DateTime SubmittedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

/// <summary>A PDF sent with an application; the bytes live in the town's directory outside the web root.</summary>
internal sealed class JobAttachment : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }

    /// <summary>The name the applicant's file had, cleaned; only ever shown and offered as download name.</summary>
    public required string FileName { get; set; }
    public long Size { get; set; }
}

internal static class EmploymentTypes
{
    public const string FullTime = "full_time";
    public const string PartTime = "part_time";
    public const string Temporary = "temporary";
    public const string Apprenticeship = "apprenticeship";
    public const string MiniJob = "mini_job";

    public static readonly IReadOnlyList<string> All = [FullTime, PartTime, Temporary, Apprenticeship, MiniJob];

    /// <summary>schema.org's employmentType values (what Google's job search reads).</summary>
    public static string SchemaOrg(string type) => type switch
    {
        FullTime => "FULL_TIME",
        PartTime => "PART_TIME",
        Temporary => "TEMPORARY",
        Apprenticeship => "INTERN",
        MiniJob => "PART_TIME",
        _ => "OTHER",
    };
}

internal static class ApplicationStatus
{
    public const string Received = "received";
    public const string InReview = "in_review";
    public const string Invited = "invited";
    public const string Declined = "declined";

    public static readonly IReadOnlyList<string> All = [Received, InReview, Invited, Declined];
}
