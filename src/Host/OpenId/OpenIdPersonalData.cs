using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Privacy;

namespace Saas.Host.OpenId;

/// <summary>
/// A resident's app grants and tokens: part of their data export, and gone with their account
/// (deleting the rows also makes every token issued to the app unusable at once).
/// </summary>
internal sealed class OpenIdPersonalData(OpenIdDbContext db) : IPersonalDataContributor
{
    public string Name => "apps";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.AccountId.ToString();
        var grants = await db.Authorizations.AsNoTracking()
            .Where(a => a.Subject == id)
            .OrderBy(a => a.CreationDate)
            .Select(a => new
            {
                app = a.Application!.DisplayName,
                clientId = a.Application.ClientId,
                createdAt = a.CreationDate,
                status = a.Status,
                scopes = a.Scopes,
                tokens = a.Tokens.OrderBy(t => t.CreationDate)
                    .Select(t => new { type = t.Type, createdAt = t.CreationDate, expiresAt = t.ExpirationDate, status = t.Status }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return grants.Count == 0 ? null : new { grants };
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.AccountId.ToString();
        await db.Tokens.Where(t => t.Subject == id).ExecuteDeleteAsync(cancellationToken);
        await db.Authorizations.Where(a => a.Subject == id).ExecuteDeleteAsync(cancellationToken);
    }
}
