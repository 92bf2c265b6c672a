namespace Saas.Kernel.Content;

/// <summary>
/// Staff changed what residents see (an article published, a page edited): the current town's
/// cached public pages must go. The host drops them on this node at once and on every other node
/// within a second (the town's version is raised and announced, as for any change to the town).
/// </summary>
public interface IPublicPages
{
    Task ChangedAsync(CancellationToken cancellationToken);
}
