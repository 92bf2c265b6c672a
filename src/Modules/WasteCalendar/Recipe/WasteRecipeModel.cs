namespace Saas.Modules.WasteCalendar.Recipe;

/// <summary><c>steps.waste-calendar</c>: types (the six defaults when absent) and areas with their streets and dates.</summary>
internal sealed record WasteStep(IReadOnlyList<TypeStep>? Types, IReadOnlyList<AreaStep>? Areas);

internal sealed record TypeStep(string? Name, string? Colour, string? Icon);

internal sealed record AreaStep(string? Name, IReadOnlyList<StreetStep>? Streets, IReadOnlyList<SeriesStep>? Series, IReadOnlyList<DateStep>? Dates);

/// <summary>A street of a village; <c>from</c>/<c>to</c> bound the house numbers when the street is split between areas.</summary>
internal sealed record StreetStep(string? Village, string? Street, int? From = null, int? To = null);

/// <summary>
/// A seeding shorthand, not a stored rule: the dates <c>first</c>, then every <c>everyWeeks</c>
/// weeks until <c>until</c> are written as single collections.
/// </summary>
internal sealed record SeriesStep(string? Type, DateOnly? First, int EveryWeeks, DateOnly? Until);

internal sealed record DateStep(string? Type, DateOnly? Date);
