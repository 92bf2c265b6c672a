using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Modules.Jobs.Data;
using Saas.Modules.Jobs.Postings;

namespace Saas.Modules.Jobs.Pages.Stellen;

/// <summary>The open positions, filtered by words, department and kind of employment (a GET form: works without script, bookmarkable).</summary>
internal sealed class JobsIndexModel(JobQueries jobs) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "bereich")]
    public string? Department { get; set; }

    [FromQuery(Name = "art")]
    public string? Type { get; set; }

    public IReadOnlyList<JobPosting> Postings { get; private set; } = [];
    public IReadOnlyList<string> Departments { get; private set; } = [];

    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || !string.IsNullOrWhiteSpace(Department) || !string.IsNullOrWhiteSpace(Type);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Search = Search is { Length: > 100 } ? Search[..100] : Search;
        Type = Type is not null && EmploymentTypes.All.Contains(Type) ? Type : null;
        Departments = await jobs.DepartmentsAsync(cancellationToken);
        Department = Department is not null && Departments.Contains(Department) ? Department : null;
        Postings = await jobs.OpenAsync(Search, Department, Type, cancellationToken);
    }
}
