namespace Saas.Kernel.Modules;

/// <summary>
/// Figures a module shows on the town's staff dashboard (<c>/admin</c>), e.g. published articles.
/// Runs inside a request of the town, so the module's own tenant-filtered data is all it sees.
/// </summary>
public interface IDashboardFigures
{
    Task<IReadOnlyList<DashboardFigure>> GetAsync(CancellationToken cancellationToken);
}

/// <summary>One figure: a text key for its label, the number, and optionally where staff manage it.</summary>
public sealed record DashboardFigure(string LabelKey, long Value, string? Href = null);
