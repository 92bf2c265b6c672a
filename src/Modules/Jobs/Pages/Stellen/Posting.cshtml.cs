using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Kernel.Content;
using Saas.Kernel.Tenancy;
using Saas.Modules.Jobs.Data;
using Saas.Modules.Jobs.Postings;

namespace Saas.Modules.Jobs.Pages.Stellen;

/// <summary>One open posting with its schema.org JobPosting for search engines; a closed or unknown one answers 404.</summary>
internal sealed class JobPostingModel(JobQueries jobs, MarkdownRenderer markdown, ITenantContext tenant, TownClock clock) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    public JobPosting Posting { get; private set; } = null!;
    public string DescriptionHtml { get; private set; } = "";
    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var posting = await jobs.FindOpenAsync(Slug, cancellationToken);
        if (posting is null)
        {
            return NotFound();
        }
        Posting = posting;
        DescriptionHtml = markdown.ToSafeHtml(posting.Description);
        JsonLd = JobPostingJsonLd.Write(posting, DescriptionHtml, tenant.Current!, JobsFeed.Origin(HttpContext, tenant.Current!), clock.Zone);
        return Page();
    }
}
