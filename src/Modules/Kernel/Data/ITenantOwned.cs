namespace Saas.Kernel.Data;

/// <summary>A row that belongs to exactly one town; <c>tenant_id</c> leads its keys.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
