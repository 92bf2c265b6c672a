using Saas.Modules.Jobs.Data;
using Saas.Modules.Jobs.Postings;

namespace Saas.Modules.Jobs.Pages.Admin.Stellen;

/// <summary>All postings of the town with their state and number of applications.</summary>
internal sealed class JobsAdminIndexModel(PostingEditor editor, TownClock clock) : PostingsAdminPage
{
    public IReadOnlyList<JobPosting> Postings { get; private set; } = [];
    public IReadOnlyDictionary<Guid, int> Counts { get; private set; } = new Dictionary<Guid, int>();
    public bool MaySeeApplications { get; private set; }
    public DateTime Now => clock.UtcNow;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Postings = await editor.AllAsync(cancellationToken);
        MaySeeApplications = await MayAsync(JobsPermissions.ApplicationsPolicy);
        Counts = MaySeeApplications ? await editor.ApplicationCountsAsync(cancellationToken) : new Dictionary<Guid, int>();
    }

    public string State(JobPosting posting) => posting switch
    {
        { PublishAt: null } => "draft",
        _ when posting.PublishAt > Now => "scheduled",
        _ when posting.ClosesAt <= Now => "closed",
        _ => "open",
    };

    public static string StateClass(string state) => state switch
    {
        "open" => "status--active",
        "scheduled" => "status--pending",
        _ => "status--disabled",
    };
}
