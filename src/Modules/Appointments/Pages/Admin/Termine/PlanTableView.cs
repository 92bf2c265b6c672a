using Saas.Modules.Appointments.Admin;

namespace Saas.Modules.Appointments.Pages.Admin.Termine;

/// <summary>What the <c>_PlanTable</c> partial draws: one day's bookings, with or without staff actions.</summary>
internal sealed record PlanTableView(string Caption, IReadOnlyList<PlanRow> Rows, bool Actions);
