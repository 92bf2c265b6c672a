namespace Saas.Kernel.Tenancy;

/// <summary>The town the current request or job works for; <c>null</c> outside any town.</summary>
public interface ITenantContext
{
    TenantSnapshot? Current { get; }

    Guid? TenantId => Current?.Id;
}
