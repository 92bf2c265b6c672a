namespace Saas.Modules.Jobs.Postings;

/// <summary>The posting form as typed; every field a string so nothing typed is lost on an error.</summary>
internal sealed class PostingInput
{
    public const int TitleMax = 200;
    public const int ShortMax = 120;
    public const int TextMax = 20_000;

    public string? Title { get; set; }
    public string? Department { get; set; }
    public string? Description { get; set; }
    public string? EmploymentType { get; set; }
    public string? Hours { get; set; }
    public string? PayGroup { get; set; }
    public string? StartDate { get; set; }
    public string? Location { get; set; }
    public string? Contact { get; set; }
    public string? Deadline { get; set; }
    public string? PublishAt { get; set; }
    public string? UnpublishAt { get; set; }
    public string? ApplyUrl { get; set; }
}
