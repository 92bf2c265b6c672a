using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Saas.Host.Tenancy;
using Saas.Host.TownHall;
using Saas.Kernel.Modules;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Recipes;

/// <summary>
/// Creates a town from a validated recipe in stages: registry row (provisioning), core content,
/// each module's step, then the recipe's state. Every stage only adds what is missing, so a
/// crash at any point is repaired by running it again, and the town answers no request until
/// the last stage switched it on (fail-closed).
/// </summary>
internal sealed class RecipeSeeder(
    IServiceScopeFactory scopes,
    IDbContextFactory<RegistryDbContext> registry,
    RegistryRefresher refresher,
    ITenantChangeBus bus,
    IEnumerable<IModule> modules,
    TimeProvider clock,
    ILogger<RecipeSeeder> logger)
{
    /// <summary>Seeds the town unless it is already past provisioning; returns its id.</summary>
    public Task<Guid> SeedAsync(ValidatedRecipe validated, CancellationToken cancellationToken) =>
        SeedAsync(validated, new SeedOptions(), cancellationToken);

    /// <summary>
    /// Seeds with a given town id (a signup's: a retry finds its own town, never another with the same
    /// slug) and a last stage before the town is switched on (the signup's admin account).
    /// </summary>
    /// <exception cref="SlugTakenException">Another town has the slug.</exception>
    public async Task<Guid> SeedAsync(ValidatedRecipe validated, SeedOptions options, CancellationToken cancellationToken)
    {
        var recipe = validated.Recipe;
        var (tenantId, provisioning) = await EnsureRegistryRowAsync(recipe, options.Id, cancellationToken);
        if (!provisioning)
        {
            return tenantId;
        }
        var snapshot = ProvisioningSnapshot(tenantId, recipe);
        using (AmbientTenant.Begin(snapshot))
        {
            await using var scope = scopes.CreateAsyncScope();
            await SeedTownHallAsync(scope.ServiceProvider, validated, cancellationToken);
            foreach (var (key, step) in recipe.Steps ?? new Dictionary<string, JsonElement>())
            {
                var module = modules.Single(m => m.FeatureKey == key);
                await module.RecipeStep!.ApplyAsync(step, scope.ServiceProvider, cancellationToken);
            }
            if (options.BeforeActivation is { } last)
            {
                await last(scope.ServiceProvider, cancellationToken);
            }
        }
        await ActivateAsync(tenantId, recipe.State, cancellationToken);
        logger.LogInformation("Seeded town {Slug} from {File}", recipe.Slug, validated.File);
        return tenantId;
    }

    private async Task<(Guid Id, bool Provisioning)> EnsureRegistryRowAsync(Recipe recipe, Guid? requestedId, CancellationToken cancellationToken)
    {
        await using var db = await registry.CreateDbContextAsync(cancellationToken);
        var existing = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == recipe.Slug, cancellationToken);
        if (existing is not null)
        {
            return requestedId is { } own && existing.Id != own
                ? throw new SlugTakenException(recipe.Slug)
                : (existing.Id, existing.State == "provisioning");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var id = requestedId ?? Guid.CreateVersion7();
        db.Tenants.Add(new TenantRow
        {
            Id = id,
            Slug = recipe.Slug,
            Name = recipe.Name,
            Kind = recipe.Kind,
            State = "provisioning",
            Version = 1,
            IsDemo = recipe.Demo,
            Theme = recipe.Theme,
            PrimaryColor = recipe.Branding.PrimaryColor.ToLowerInvariant(),
            SecondaryColor = recipe.Branding.SecondaryColor.ToLowerInvariant(),
            HasCoatOfArms = recipe.Branding.CoatOfArms is not null,
            SettingsJson = JsonSerializer.Serialize(new TenantSettings(recipe.Settings.TimeZone, recipe.Settings.Cultures, recipe.Settings.FederalState), RegistryStore.Json),
            ContactJson = JsonSerializer.Serialize(new TenantContact(recipe.Contact.Authority, recipe.Contact.Street, recipe.Contact.PostalCode,
                recipe.Contact.City, recipe.Contact.Phone, recipe.Contact.Email, recipe.Contact.AccessibilityContactEmail), RegistryStore.Json),
            CreatedAt = now,
            UpdatedAt = now,
            Features = recipe.Features.Distinct().Select(f => new TenantFeatureRow { TenantId = id, FeatureKey = f, EnabledAt = now }).ToList(),
            Domains = (recipe.Domains ?? []).Select(d => new TenantDomainRow { Host = d.Host, TenantId = id, Kind = d.Kind, Verified = d.Verified, CreatedAt = now }).ToList(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (requestedId is not null)
        {
            // Another signup for the same slug won the race on the unique index a moment ago.
            await using var again = await registry.CreateDbContextAsync(cancellationToken);
            var winner = await again.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == recipe.Slug, cancellationToken);
            return winner?.Id == id ? (id, winner.State == "provisioning") : throw new SlugTakenException(recipe.Slug);
        }
        return (id, true);
    }

    private async Task SeedTownHallAsync(IServiceProvider services, ValidatedRecipe validated, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TownHallDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var existingPages = await db.Pages.Select(p => p.Key).ToListAsync(cancellationToken);
        foreach (var (key, page) in validated.Recipe.Pages.Where(p => !existingPages.Contains(p.Key)))
        {
            db.Pages.Add(new CorePage { Key = key, Title = page.Title, Body = page.Body, UpdatedAt = now });
        }
        if (!await db.OpeningHours.AnyAsync(cancellationToken))
        {
            foreach (var (hours, i) in validated.Recipe.OpeningHours.Select((h, i) => (h, i)))
            {
                db.OpeningHours.Add(new OpeningHours
                {
                    DayOfWeek = (int)RecipeReader.Days[hours.Day], Opens = hours.Opens, Closes = hours.Closes, Note = hours.Note, Position = i,
                });
            }
        }
        if (validated.CoatOfArms is { } arms && !await db.Media.AnyAsync(m => m.Key == MediaFile.CoatOfArms, cancellationToken))
        {
            db.Media.Add(new MediaFile { Key = MediaFile.CoatOfArms, ContentType = "image/svg+xml", Content = arms, UpdatedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ActivateAsync(Guid tenantId, string state, CancellationToken cancellationToken)
    {
        long version;
        await using (var db = await registry.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
            row.State = state;
            row.Version++;
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            version = row.Version;
        }
        await refresher.RefreshAsync(tenantId, cancellationToken);
        await bus.PublishAsync(tenantId, version);
    }

    private static TenantSnapshot ProvisioningSnapshot(Guid id, Recipe recipe) => new(
        id, recipe.Slug, recipe.Name, recipe.Kind, TenantState.Provisioning, 0, recipe.Demo, recipe.Theme,
        new BrandTokens(recipe.Branding.PrimaryColor, recipe.Branding.SecondaryColor, recipe.Branding.CoatOfArms is not null),
        new TenantSettings(recipe.Settings.TimeZone, recipe.Settings.Cultures, recipe.Settings.FederalState),
        new TenantContact(recipe.Contact.Authority, recipe.Contact.Street, recipe.Contact.PostalCode, recipe.Contact.City,
            recipe.Contact.Phone, recipe.Contact.Email, recipe.Contact.AccessibilityContactEmail),
        recipe.Features.ToFrozenSet(StringComparer.Ordinal),
        string.Empty);
}

/// <summary>How <see cref="RecipeSeeder"/> seeds beyond the recipe itself; the defaults are the demo towns' way.</summary>
internal sealed record SeedOptions(Guid? Id = null, Func<IServiceProvider, CancellationToken, Task>? BeforeActivation = null);

/// <summary>The slug belongs to another town.</summary>
internal sealed class SlugTakenException(string slug) : Exception($"The slug '{slug}' belongs to another town.");
