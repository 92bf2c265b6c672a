using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Localization;
using Saas.Kernel.Security;
using Saas.Modules.Coworking.Booking;
using Saas.Modules.Coworking.Data;

namespace Saas.Modules.Coworking.Pages.Coworking;

/// <summary>"Meine Buchungen": the signed-in resident's bookings (cancel until the town's deadline) and 10-day passes (order one).</summary>
[Authorize(Policy = Policies.Resident)]
internal sealed class CoworkingMineModel(CoworkingDbContext db, DeskBooker booker, PassOrders passes, TownTime time, Texts texts) : PageModel
{
    public const int MaxShown = 100;

    [FromQuery(Name = "erledigt")]
    public string? Done { get; set; }

    public IReadOnlyList<MyDesk> Upcoming { get; private set; } = [];
    public IReadOnlyList<MyDesk> Past { get; private set; } = [];
    public IReadOnlyList<(DeskPass Pass, Space Space)> Passes { get; private set; } = [];
    public IReadOnlyList<Space> Spaces { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    public string? Message => Done is "gebucht" or "abgesagt" or "karte" ? texts[$"coworking.mine.done.{Done}"] : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (SignedIn.Of(User) is not { } resident)
        {
            return Challenge();
        }
        await LoadAsync(resident, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync([FromForm(Name = "Booking")] Guid booking, CancellationToken cancellationToken)
    {
        if (SignedIn.Of(User) is not { } resident)
        {
            return Challenge();
        }
        switch (await booker.CancelAsync(booking, resident, cancellationToken))
        {
            case CancelOutcome.NotFound:
                return NotFound();
            case CancelOutcome.TooLate:
                Errors["Booking"] = texts["coworking.error.deadline"];
                await LoadAsync(resident, cancellationToken);
                return Page();
            default:
                return Redirect("/coworking/meine?erledigt=abgesagt");
        }
    }

    public async Task<IActionResult> OnPostPassAsync([FromForm(Name = "PassSpace")] string? space, [FromForm(Name = "PassPayment")] string? payment, CancellationToken cancellationToken)
    {
        if (SignedIn.Of(User) is not { } resident)
        {
            return Challenge();
        }
        var errors = await passes.OrderAsync(Guid.TryParse(space, out var id) ? id : null, payment, resident, cancellationToken);
        if (errors.Count == 0)
        {
            return Redirect("/coworking/meine?erledigt=karte");
        }
        foreach (var (field, key) in errors)
        {
            Errors[field] = texts[key];
        }
        await LoadAsync(resident, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Resident resident, CancellationToken cancellationToken)
    {
        var spaces = await db.Spaces.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        Spaces = spaces;
        var bySpace = spaces.ToDictionary(s => s.Id);
        var workplaces = await db.Workplaces.AsNoTracking().ToDictionaryAsync(w => w.Id, cancellationToken);
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.AccountId == resident.AccountId)
            .OrderByDescending(b => b.StartUtc).Take(MaxShown).ToListAsync(cancellationToken);
        var now = time.UtcNow;
        var mine = bookings.Select(b => new MyDesk(b, workplaces[b.WorkplaceId], bySpace[b.SpaceId], time.Local(b.StartUtc), time.Local(b.EndUtc),
            DateTime.SpecifyKind(b.StartUtc, DateTimeKind.Utc).AddHours(-bySpace[b.SpaceId].CancelHours) >= now)).ToList();
        Upcoming = [.. mine.Where(m => m.Booking.CancelledAt is null && DateTime.SpecifyKind(m.Booking.EndUtc, DateTimeKind.Utc) > now).OrderBy(m => m.Start)];
        Past = [.. mine.Except(Upcoming)];
        Passes = [.. (await passes.MineAsync(resident, cancellationToken)).Select(p => (p, bySpace[p.SpaceId]))];
    }
}

internal sealed record MyDesk(DeskBooking Booking, Workplace Workplace, Space Space, DateTime Start, DateTime End, bool MayCancel);
