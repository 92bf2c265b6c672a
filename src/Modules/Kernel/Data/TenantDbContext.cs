using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Saas.Kernel.Tenancy;

namespace Saas.Kernel.Data;

/// <summary>
/// Base of every module's DbContext. Walls one and two of data isolation: a named query filter
/// (<see cref="TenantFilter"/>) on every <see cref="ITenantOwned"/> entity, and SaveChanges that
/// stamps new rows with the current town and refuses to touch another town's rows.
/// Wall three (PostgreSQL row-level security) sits below, in <see cref="TenantConnectionInterceptor"/>.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options, ITenantContext tenant) : DbContext(options)
{
    /// <summary>The name of the query filter, for the rare, audited <c>IgnoreQueryFilters([TenantFilter])</c>.</summary>
    public const string TenantFilter = "tenant";

    /// <summary>Read by the query filter at execution time; <see cref="Guid.Empty"/> (no row) outside a town.</summary>
    protected Guid CurrentTenantId => tenant.TenantId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entity.ClrType) || entity.BaseType is not null)
            {
                continue;
            }
            var row = Expression.Parameter(entity.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(row, nameof(ITenantOwned.TenantId)),
                    Expression.Property(Expression.Constant(this), nameof(CurrentTenantId))),
                row);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(TenantFilter, filter);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampAndCheckTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampAndCheckTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void StampAndCheckTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var current = tenant.TenantId
                ?? throw new TenantMismatchException($"Cannot save {entry.Metadata.ClrType.Name} outside a town.");
            CheckRow(entry, current);
        }
    }

    private static void CheckRow(EntityEntry<ITenantOwned> entry, Guid current)
    {
        var name = entry.Metadata.ClrType.Name;
        if (entry.State == EntityState.Added)
        {
            if (entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = current;
            }
            else if (entry.Entity.TenantId != current)
            {
                throw new TenantMismatchException($"Refused to insert {name} for another town.");
            }
            return;
        }
        var original = entry.Property(e => e.TenantId).OriginalValue;
        if (original != current || entry.Entity.TenantId != current)
        {
            throw new TenantMismatchException($"Refused to change {name} of another town.");
        }
    }
}
