using Saas.Kernel.Modules;
using Saas.Modules.Appointments;
using Saas.Modules.Jobs;
using Saas.Modules.Coworking;
using Saas.Modules.News;
using Saas.Modules.WasteCalendar;

namespace Saas.Host;

/// <summary>The modules this deployment is composed of, in one explicit list.</summary>
internal static class ModuleCatalog
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new NewsModule(),
        new AppointmentsModule(),
        new WasteCalendarModule(),
        new JobsModule(),
        new CoworkingModule(),
    ];
}
