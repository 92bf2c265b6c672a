using System.Security.Claims;
using Saas.Host.Accounts;
using Saas.Kernel.Audit;

namespace Saas.Host.Audit;

/// <summary>
/// Writes audit entries for the current town, taking the actor from the signed-in principal:
/// a support engineer working through support access is recorded as support, by name.
/// </summary>
internal sealed class AuditLog(AuditDbContext db, IHttpContextAccessor http, TimeProvider clock) : IAuditLog
{
    private const int MaxText = 2000;

    public async Task RecordAsync(string action, string? target = null, string? details = null, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var (kind, id, name) = Actor(user);
        db.Entries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorKind = kind,
            ActorId = id,
            ActorName = name,
            Action = action,
            Target = Truncate(target),
            Details = Truncate(details),
            Address = context?.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static (string Kind, Guid? Id, string Name) Actor(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return ("system", null, "System");
        }
        var supportName = user.FindFirstValue(AccountClaims.SupportName);
        if (supportName is not null)
        {
            return ("support", Guid.TryParse(user.FindFirstValue(AccountClaims.SupportId), out var sid) ? sid : null, supportName);
        }
        var role = user.FindFirstValue(ClaimTypes.Role);
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var uid) ? uid : (Guid?)null;
        var name = user.FindFirstValue(ClaimTypes.Name) ?? "?";
        // The support console acts on a town from the platform host, signed in as platform staff.
        var kind = role is Kernel.Security.Roles.Support or Kernel.Security.Roles.SupportAdmin ? "support"
            : Kernel.Security.Roles.IsStaff(role) ? "staff" : "resident";
        return (kind, id, name);
    }

    private static string? Truncate(string? text) => text is { Length: > MaxText } ? text[..MaxText] : text;
}
