using Microsoft.EntityFrameworkCore;
using Saas.Host.Tenancy;
using Saas.Host.TownHall;
using Saas.Kernel.Audit;
using Saas.Kernel.Localization;
using Saas.Kernel.Media;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Admin;

/// <summary>
/// The town's logo and coat of arms: uploaded files are judged by content and stored only as the
/// sanitizer's clean copy; the registry learns that the image exists (a version bump, so every
/// node drops its cached pages and the versioned image links change at once).
/// </summary>
internal sealed class BrandImages(
    BrandImageSanitizer sanitizer,
    TownHallDbContext db,
    TenantAdministration administration,
    ITenantContext tenant,
    IAuditLog audit,
    Texts texts,
    TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Keys = [MediaFile.CoatOfArms, MediaFile.Logo];

    /// <summary>Stores the image, or returns the German (or English) message that says why not; a refusal changes nothing.</summary>
    public async Task<string?> StoreAsync(string key, IFormFile file, CancellationToken cancellationToken)
    {
        if (!Keys.Contains(key))
        {
            return texts["admin.branding.image.error.key"];
        }
        await using var stream = file.OpenReadStream();
        var result = await sanitizer.SanitizeAsync(stream, file.FileName, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Problem.ToMessage(texts);
        }
        var image = result.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.Media.SingleOrDefaultAsync(m => m.Key == key, cancellationToken);
        if (stored is null)
        {
            db.Media.Add(new MediaFile { Key = key, ContentType = image.ContentType, Content = image.Content, UpdatedAt = now });
        }
        else
        {
            stored.ContentType = image.ContentType;
            stored.Content = image.Content;
            stored.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        await administration.SetBrandImageAsync(tenant.Current!.Id, key, present: true, cancellationToken);
        await audit.RecordAsync("admin.branding.image", key, $"{image.ContentType}, {image.Content.Length:N0} Bytes", cancellationToken);
        return null;
    }

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        if (!Keys.Contains(key))
        {
            return;
        }
        var removed = await db.Media.Where(m => m.Key == key).ExecuteDeleteAsync(cancellationToken);
        await administration.SetBrandImageAsync(tenant.Current!.Id, key, present: false, cancellationToken);
        if (removed > 0)
        {
            await audit.RecordAsync("admin.branding.imageRemoved", key, null, cancellationToken);
        }
    }
}
