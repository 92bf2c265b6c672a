using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Audit;
using Saas.Kernel.Content;
using Saas.Kernel.Data;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Admin;

/// <summary>Creating, renaming and deleting categories; a category with articles cannot be deleted.</summary>
internal sealed class CategoryEditor(NewsDbContext db, IAuditLog audit, IPublicPages pages)
{
    public const int NameMax = 80;

    public async Task<IReadOnlyList<CategoryRow>> ListAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CategoryRow(c.Id, c.Name, c.Slug, db.Articles.Count(a => a.CategoryId == c.Id)))
            .ToListAsync(cancellationToken);

    public Task<Category?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Categories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<int> ArticleCountAsync(Guid id, CancellationToken cancellationToken) =>
        db.Articles.CountAsync(a => a.CategoryId == id, cancellationToken);

    /// <summary>The text key of what is wrong with <paramref name="name"/>, or null.</summary>
    public async Task<string?> CheckNameAsync(string name, Guid? except, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            return "news.admin.category.error.required";
        }
        if (name.Length > NameMax)
        {
            return "news.admin.category.error.long";
        }
        if (SlugMaker.From(name).Length == 0)
        {
            return "news.admin.category.error.letters";
        }
        var names = await db.Categories.Where(c => c.Id != except).Select(c => c.Name).ToListAsync(cancellationToken);
        return names.Any(n => string.Equals(n, name, StringComparison.CurrentCultureIgnoreCase)) ? "news.admin.category.error.taken" : null;
    }

    public async Task<bool> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var made = SlugMaker.From(name);
        var taken = (await db.Categories.Where(c => c.Slug.StartsWith(made)).Select(c => c.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        db.Categories.Add(new Category { Name = name, Slug = SlugMaker.Unique(made, taken.Contains) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            return false; // the same name submitted twice at once
        }
        await audit.RecordAsync("news.category.created", name, cancellationToken: cancellationToken);
        await pages.ChangedAsync(cancellationToken);
        return true;
    }

    /// <summary>Renames; the slug (and so every link to the category) stays.</summary>
    public async Task<bool> RenameAsync(Guid id, string name, CancellationToken cancellationToken)
    {
        var category = await FindAsync(id, cancellationToken);
        if (category is null)
        {
            return false;
        }
        var old = category.Name;
        category.Name = name;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("news.category.renamed", name, $"{old} → {name}", cancellationToken);
        await pages.ChangedAsync(cancellationToken);
        return true;
    }

    public async Task<CategoryDeletion> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var category = await FindAsync(id, cancellationToken);
        if (category is null)
        {
            return CategoryDeletion.NotFound;
        }
        if (await ArticleCountAsync(id, cancellationToken) > 0)
        {
            return CategoryDeletion.NotEmpty;
        }
        db.Categories.Remove(category);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // An article was filed under it meanwhile: the foreign key refused the delete.
            db.ChangeTracker.Clear();
            return CategoryDeletion.NotEmpty;
        }
        await audit.RecordAsync("news.category.deleted", category.Name, cancellationToken: cancellationToken);
        await pages.ChangedAsync(cancellationToken);
        return CategoryDeletion.Deleted;
    }
}

internal sealed record CategoryRow(Guid Id, string Name, string Slug, int Articles);

internal enum CategoryDeletion
{
    Deleted,
    NotFound,
    NotEmpty,
}
