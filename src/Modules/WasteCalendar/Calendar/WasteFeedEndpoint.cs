using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Saas.Modules.WasteCalendar.Calendar;

/// <summary>The feed residents subscribe to from <c>/abfall</c> (<c>webcal://</c> or https); the same text as the API's.</summary>
internal static class WasteFeedEndpoint
{
    public static void MapWasteFeed(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/abfall/kalender/{areaId:guid}.ics", Feed).ExcludeFromDescription();

    public static string Path(Guid areaId, IReadOnlyCollection<Guid> types) =>
        $"/abfall/kalender/{areaId}.ics" + (types.Count > 0 ? "?types=" + TypeSelection.Query(types) : "");

    private static async Task<Results<ContentHttpResult, NotFound, ProblemHttpResult>> Feed(
        Guid areaId, WasteQueries queries, CalendarFeed feed, CancellationToken cancellationToken, string? types = null)
    {
        var typeIds = TypeSelection.Parse([types], await queries.TypesAsync(cancellationToken));
        if (typeIds is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown waste type.",
                detail: "types must be comma-separated ids of the town's waste types.");
        }
        return await feed.GetAsync(areaId, typeIds, cancellationToken) is { } ics
            ? TypedResults.Text(ics, "text/calendar; charset=utf-8")
            : TypedResults.NotFound();
    }
}
