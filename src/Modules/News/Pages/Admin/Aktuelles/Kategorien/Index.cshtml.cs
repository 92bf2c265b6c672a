using Microsoft.AspNetCore.Mvc;
using Saas.Modules.News.Admin;

namespace Saas.Modules.News.Pages.Admin.Aktuelles.Kategorien;

/// <summary>The town's news categories: create and rename here; delete (only when empty) after a confirmation.</summary>
internal sealed class NewsAdminCategoriesModel(CategoryEditor editor) : NewsAdminPage
{
    [BindProperty(Name = "Name")]
    public string? Name { get; set; }

    [FromQuery(Name = "erledigt")]
    public string? Done { get; set; }

    public IReadOnlyList<CategoryRow> Categories { get; private set; } = [];

    /// <summary>The category whose rename failed, to put the message beside the right field.</summary>
    public Guid? FailedRename { get; private set; }

    public string? Message => Done switch
    {
        "angelegt" => T["news.admin.category.created"],
        "umbenannt" => T["news.admin.category.renamed"],
        "geloescht" => T["news.admin.category.deleted"],
        _ => null,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Categories = await editor.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = Clean(Name);
        if (await editor.CheckNameAsync(name, null, cancellationToken) is { } problem)
        {
            AddError("Name", problem);
            Categories = await editor.ListAsync(cancellationToken);
            return Page();
        }
        if (!await editor.CreateAsync(name, cancellationToken))
        {
            AddError("Name", "news.admin.category.error.taken");
            Categories = await editor.ListAsync(cancellationToken);
            return Page();
        }
        return Redirect("/admin/aktuelles/kategorien?erledigt=angelegt");
    }

    public async Task<IActionResult> OnPostUmbenennenAsync([FromForm(Name = "Id")] Guid id, [FromForm(Name = "NewName")] string? newName, CancellationToken cancellationToken)
    {
        if (await editor.FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        var name = Clean(newName);
        if (await editor.CheckNameAsync(name, id, cancellationToken) is { } problem)
        {
            AddError($"NewName-{id}", problem);
            FailedRename = id;
            Categories = await editor.ListAsync(cancellationToken);
            return Page();
        }
        return await editor.RenameAsync(id, name, cancellationToken)
            ? Redirect("/admin/aktuelles/kategorien?erledigt=umbenannt")
            : NotFound();
    }

    private static string Clean(string? value) => new string((value ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
}
