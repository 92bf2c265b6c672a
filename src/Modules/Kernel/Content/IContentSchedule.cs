namespace Saas.Kernel.Content;

/// <summary>
/// Content of the current town that changes by itself at a set time (an article published or
/// unpublished on schedule). The host's page cache keeps no page past the next such time, so
/// scheduled content appears and vanishes exactly on time rather than up to a cache lifetime late.
/// </summary>
public interface IContentSchedule
{
    /// <summary>The first time after <paramref name="now"/> at which this module's public content changes by itself, or null.</summary>
    Task<DateTime?> NextChangeAfterAsync(DateTime now, CancellationToken cancellationToken);
}
