namespace Saas.Kernel.Audit;

/// <summary>
/// The town's audit log: every staff and support action on the town (who, what, when, from where),
/// readable by its TenantAdmins. The host fills in the actor and address from the current request.
/// </summary>
public interface IAuditLog
{
    /// <param name="action">A stable key such as <c>news.article.published</c>; shown translated when a text exists.</param>
    /// <param name="target">What the action was about, in words a TenantAdmin understands (a title, an e-mail).</param>
    /// <param name="details">Optional extra facts (old → new values, a reason).</param>
    Task RecordAsync(string action, string? target = null, string? details = null, CancellationToken cancellationToken = default);
}
