namespace Saas.Kernel.Data;

/// <summary>Thrown when code tries to write a row of another town, or any town's row with no town set.</summary>
public sealed class TenantMismatchException(string message) : InvalidOperationException(message);
