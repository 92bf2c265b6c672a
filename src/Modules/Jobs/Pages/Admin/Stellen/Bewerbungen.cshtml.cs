using Microsoft.AspNetCore.Mvc;
using Saas.Modules.Jobs.Applications;
using Saas.Modules.Jobs.Data;
using Saas.Modules.Jobs.Postings;

namespace Saas.Modules.Jobs.Pages.Admin.Stellen;

/// <summary>The applications to one posting, oldest first, with their status.</summary>
internal sealed class JobsAdminApplicationsModel(PostingEditor editor, ApplicationDesk desk, TownClock clock) : ApplicationsAdminPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public JobPosting Posting { get; private set; } = null!;
    public IReadOnlyList<JobApplication> Applications { get; private set; } = [];
    public TownClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await editor.FindAsync(Id, cancellationToken) is not { } posting)
        {
            return NotFound();
        }
        Posting = posting;
        Applications = await desk.ForPostingAsync(Id, cancellationToken);
        return Page();
    }
}
