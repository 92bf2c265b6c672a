namespace Saas.Kernel.Tenancy;

/// <summary>
/// Carries the current town through the async flow of a request or job (Finbuckle's ambient
/// context). Middleware and job runners set it; everything else reads it via <see cref="ITenantContext"/>.
/// </summary>
public static class AmbientTenant
{
    private static readonly AsyncLocal<TenantSnapshot?> Slot = new();

    public static TenantSnapshot? Current => Slot.Value;

    /// <summary>Sets the town until the returned scope is disposed, then restores the previous one.</summary>
    public static IDisposable Begin(TenantSnapshot? tenant)
    {
        var previous = Slot.Value;
        Slot.Value = tenant;
        return new Scope(previous);
    }

    private sealed class Scope(TenantSnapshot? previous) : IDisposable
    {
        public void Dispose() => Slot.Value = previous;
    }
}

/// <summary>The <see cref="ITenantContext"/> backed by <see cref="AmbientTenant"/>.</summary>
public sealed class AmbientTenantContext : ITenantContext
{
    public TenantSnapshot? Current => AmbientTenant.Current;
}
