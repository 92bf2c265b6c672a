namespace Saas.Kernel.Tenancy;

/// <summary>Lifecycle of a town on the platform (modelled on Orchard Core's shell states).</summary>
public enum TenantState
{
    /// <summary>Being set up; answers nothing until every provisioning step succeeded.</summary>
    Provisioning,
    /// <summary>Live.</summary>
    Active,
    /// <summary>Unpaid or on hold: residents see a notice, data stays intact.</summary>
    Suspended,
    /// <summary>Switched off by support: answers like an unknown host.</summary>
    Disabled,
    /// <summary>Kept for retention only: answers like an unknown host.</summary>
    Archived,
}
