using Microsoft.AspNetCore.Mvc;
using Saas.Modules.Coworking.Admin;

namespace Saas.Modules.Coworking.Pages.Admin.Coworking;

/// <summary>A new space (no id) or one of the town's: address, access, house rules, deadline, pass price, weekly hours, desks and rooms. Another town's id is a 404.</summary>
internal sealed class CoworkingAdminSpaceModel(SpaceEditor editor) : CoworkingAdminPage
{
    [FromRoute(Name = "id")]
    public Guid? Id { get; set; }

    [BindProperty(Name = "")]
    public SpaceInput Input { get; set; } = new();

    [FromQuery(Name = "erledigt")]
    public string? Done { get; set; }

    public WorkplaceInput Workplace { get; private set; } = new() { Kind = Data.Workplace.Desk, Capacity = "1" };

    public SpaceSheet? Sheet { get; private set; }

    public string? Message => Done is "saved" or "workplace" or "toggled" ? T[$"coworking.admin.done.{Done}"] : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Sheet = await editor.SheetAsync(id, cancellationToken);
            if (Sheet is null)
            {
                return NotFound();
            }
            Input = SpaceInput.Of(Sheet.Space, Sheet.Hours);
        }
        else
        {
            Input = new SpaceInput { CancelHours = "24", PassPrice = "0.00" };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id && await editor.FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        var (errors, saved) = await editor.SaveAsync(Id, Input, cancellationToken);
        if (saved is not null)
        {
            return Redirect($"/admin/coworking/raum/{saved.Id}?erledigt=saved");
        }
        if (errors.Count == 0)
        {
            return NotFound();
        }
        AddErrors(errors);
        Sheet = Id is { } existing ? await editor.SheetAsync(existing, cancellationToken) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostWorkplaceAsync([FromForm] WorkplaceInput workplace, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Id is not { } id || await editor.FindAsync(id, cancellationToken) is not { } space)
        {
            return NotFound();
        }
        var errors = await editor.AddWorkplaceAsync(space, workplace, cancellationToken);
        if (errors.Count == 0)
        {
            return Redirect($"/admin/coworking/raum/{id}?erledigt=workplace");
        }
        AddErrors(errors);
        Workplace = workplace;
        Sheet = await editor.SheetAsync(id, cancellationToken);
        Input = SpaceInput.Of(Sheet!.Space, Sheet.Hours);
        return Page();
    }

    public async Task<IActionResult> OnPostToggleAsync([FromForm(Name = "Workplace")] Guid workplace, CancellationToken cancellationToken)
    {
        if (Id is not { } id || await editor.FindAsync(id, cancellationToken) is not { } space || !await editor.ToggleWorkplaceAsync(space, workplace, cancellationToken))
        {
            return NotFound();
        }
        return Redirect($"/admin/coworking/raum/{id}?erledigt=toggled");
    }
}
