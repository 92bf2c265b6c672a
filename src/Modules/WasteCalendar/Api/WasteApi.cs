using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Saas.Modules.WasteCalendar.Addresses;
using Saas.Modules.WasteCalendar.Calendar;

namespace Saas.Modules.WasteCalendar.Api;

/// <summary>The waste calendar for apps (<c>/api/v1/waste</c>), always of the calling host's town.</summary>
internal static class WasteApi
{
    public const int MaxDays = 400;

    public static void MapWasteApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/waste").WithTags("Waste calendar");
        api.MapGet("/types", Types).WithName("ListWasteTypes")
            .WithSummary("The town's waste types with colour (#rrggbb) and icon key.");
        api.MapGet("/addresses", Addresses).WithName("FindWasteAddresses")
            .WithSummary("Streets (and house-number ranges) matching q, typos and umlaut spellings forgiven, with the collection area of each; q may end in a house number; village narrows the search.");
        api.MapGet("/collections", Collections).WithName("ListWasteCollections")
            .WithSummary($"Collections of an area between two dates (YYYY-MM-DD, at most {MaxDays} days), optionally of some types (comma-separated ids).");
        api.MapGet("/areas/{areaId:guid}/calendar.ics", Calendar).WithName("WasteCalendarFeed")
            .WithSummary("The area's collections as an iCalendar feed (RFC 5545, all-day events, stable UIDs); types: comma-separated type ids, none for all.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar");
    }

    private static async Task<Ok<IReadOnlyList<WasteTypeResponse>>> Types(WasteQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<WasteTypeResponse>>([.. (await queries.TypesAsync(cancellationToken)).Select(WasteTypeResponse.From)]);

    private static async Task<Results<Ok<IReadOnlyList<AddressResponse>>, ValidationProblem>> Addresses(
        AddressSearch search, CancellationToken cancellationToken, string? q = null, string? village = null)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2 || q.Length > AddressSearch.MaxQueryLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [$"q must be 2 to {AddressSearch.MaxQueryLength} characters of a street name."],
            });
        }
        var matches = await search.FindAsync(q, village, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AddressResponse>>([.. matches.Select(AddressResponse.From)]);
    }

    private static async Task<Results<Ok<CollectionsResponse>, ValidationProblem>> Collections(
        WasteQueries queries, CancellationToken cancellationToken, string? areaId = null, string? from = null, string? to = null, string? types = null)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDay = ParseDay(from, "from", errors);
        var toDay = ParseDay(to, "to", errors);
        if (fromDay is { } f && toDay is { } t && (t < f || t.DayNumber - f.DayNumber >= MaxDays))
        {
            errors["to"] = [$"to must not be before from, and the range at most {MaxDays} days."];
        }
        var area = Guid.TryParse(areaId, out var id) ? await queries.AreaAsync(id, cancellationToken) : null;
        if (area is null)
        {
            errors["areaId"] = ["areaId must be the id of one of the town's collection areas."];
        }
        var typeIds = TypeSelection.Parse([types], await queries.TypesAsync(cancellationToken));
        if (typeIds is null)
        {
            errors["types"] = ["types must be comma-separated ids of the town's waste types."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var collections = await queries.CollectionsAsync(area!.Id, fromDay!.Value, toDay!.Value, typeIds!, cancellationToken);
        return TypedResults.Ok(new CollectionsResponse(area.Id, area.Name,
            [.. collections.Select(c => new CollectionResponse(c.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Type.Id, c.Type.Name))]));
    }

    private static async Task<Results<ContentHttpResult, NotFound, ValidationProblem>> Calendar(
        Guid areaId, WasteQueries queries, CalendarFeed feed, CancellationToken cancellationToken, string? types = null)
    {
        var typeIds = TypeSelection.Parse([types], await queries.TypesAsync(cancellationToken));
        if (typeIds is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["types"] = ["types must be comma-separated ids of the town's waste types."],
            });
        }
        return await feed.GetAsync(areaId, typeIds, cancellationToken) is { } ics
            ? TypedResults.Text(ics, "text/calendar; charset=utf-8")
            : TypedResults.NotFound();
    }

    private static DateOnly? ParseDay(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is > 2000 and < 2200)
        {
            return day;
        }
        errors[field] = [$"{field} must be a date as YYYY-MM-DD."];
        return null;
    }
}
