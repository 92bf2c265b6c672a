namespace Saas.Kernel.Privacy;

/// <summary>The resident a GDPR request is about: their account in the current town.</summary>
public sealed record PersonalDataSubject(Guid AccountId, string Email);

/// <summary>
/// One module's part of a resident's data export and account deletion (GDPR Art. 15, 17, 20).
/// Every module that stores anything about a resident registers one; the host runs all of them
/// inside the resident's town.
/// </summary>
public interface IPersonalDataContributor
{
    /// <summary>File name stem in the export archive, e.g. <c>news</c>.</summary>
    string Name { get; }

    /// <summary>Everything the module holds about the subject, as a JSON-serialisable object (or null when nothing).</summary>
    Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken);

    /// <summary>Erases or anonymises the subject's data; must be idempotent (a retry after a crash is normal).</summary>
    Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken);
}
