using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Saas.Benchmarks.Appointments;

/// <summary>
/// Drives a running host over loopback for the appointments targets:
/// <c>fill</c> books the template town through the real API (its bookings are then cloned to every town);
/// <c>measure</c> times the slot search for a 4-week window one request at a time over random towns and
/// services, then lets many clients book the same town's slots at once and checks, with a query over the
/// whole bookings table, that no slot holds more bookings than its counters.
/// </summary>
internal static class AppointmentsLoad
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> FillAsync(Uri baseAddress, string domain, int bookings)
    {
        using var client = Client(baseAddress, 4);
        var host = $"{AppointmentsSeeding.Template}.{domain}";
        var services = await ServicesAsync(client, host);
        var (from, to) = Window();
        var slots = new List<(Guid Service, DateTimeOffset Start)>();
        foreach (var (service, _) in services)
        {
            slots.AddRange((await SlotsAsync(client, host, service, from, to)).Select(s => (service, s)));
        }
        var random = new Random(7);
        var created = 0;
        var full = 0;
        foreach (var (service, start) in slots.OrderBy(_ => random.Next()).Take(bookings * 3))
        {
            if (created == bookings)
            {
                break;
            }
            var status = await BookAsync(client, host, service, start, $"Bürgerin {created}", $"fill{created}@example.org");
            _ = status == HttpStatusCode.Created ? created++ : full++;
        }
        Console.WriteLine($"fill: {created} bookings in {AppointmentsSeeding.Template} through the API ({full} answered 409, the slot having filled meanwhile)");
        return created == bookings ? 0 : 1;
    }

    public static async Task<int> MeasureAsync(Uri baseAddress, string domain, int towns, int searches, int clients, string ownerConnectionString)
    {
        using var client = Client(baseAddress, Math.Max(clients, 1));
        var template = $"{AppointmentsSeeding.Template}.{domain}";
        // Service ids are kept by the clone, so the template's ids are every town's ids.
        var services = await ServicesAsync(client, template);
        var (from, to) = Window();

        for (var i = 0; i < 100; i++)
        {
            await SlotsAsync(client, $"termin-{1 + i % 5}.{domain}", services[i % services.Count].Id, from, to);
        }

        // 1. Slot search, one request at a time, each timed alone: a random town (most of them never
        //    asked before, so their settings are loaded cold) and a random service.
        var random = new Random(11);
        var times = new List<double>(searches);
        var serverTimes = new List<double>(searches);
        var slotsSeen = 0L;
        var asked = new List<(string Host, Guid Service)>(searches);
        for (var i = 0; i < searches; i++)
        {
            var host = $"termin-{random.Next(1, towns + 1)}.{domain}";
            var service = services[random.Next(services.Count)].Id;
            asked.Add((host, service));
            var clock = Stopwatch.StartNew();
            var (slots, server) = await SlotElementsAsync(client, host, service, from, to);
            times.Add(clock.Elapsed.TotalMilliseconds);
            serverTimes.Add(server);
            slotsSeen += slots.Count;
        }

        // 1b. The same towns and services once more, in the same order: towns in use, whose residents searched
        //     before (their setup is in the host's memory, their rows in PostgreSQL's cache).
        var againTimes = new List<double>(searches);
        foreach (var (host, service) in asked)
        {
            var (_, server) = await SlotElementsAsync(client, host, service, from, to);
            againTimes.Add(server);
        }

        // 1c. The same, all in one town already asked before: separates per-town first-use costs from the search itself.
        var warmTimes = new List<double>(searches);
        for (var i = 0; i < searches; i++)
        {
            var (_, server) = await SlotElementsAsync(client, template, services[i % services.Count].Id, from, to);
            warmTimes.Add(server);
        }

        // 2. Booking under contention: one town's free 15-minute slots, many clients at once, until every
        //    slot has answered 409.
        var town = $"termin-{towns}.{domain}";
        var quarter = services.First(s => s.Minutes == 15).Id;
        var open = new ConcurrentDictionary<DateTimeOffset, byte>((await SlotsAsync(client, town, quarter, from, to)).ToDictionary(s => s, _ => (byte)0));
        var seatsBefore = await SeatsAsync(client, town, quarter, from, to);
        var created = 0;
        var conflicts = 0;
        var other = 0;
        var attempt = 0;
        var contention = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (worker, cancel) =>
        {
            var own = new Random(worker);
            while (!open.IsEmpty)
            {
                var keys = open.Keys.ToArray();
                if (keys.Length == 0)
                {
                    break;
                }
                // Few slots, many clients: everyone aims at the same first slots, which is the contention.
                var start = keys.Order().Take(8).ElementAt(own.Next(Math.Min(8, keys.Length)));
                var n = Interlocked.Increment(ref attempt);
                var status = await BookAsync(client, town, quarter, start, $"Last {n}", $"load{n}@example.org");
                if (status == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref created);
                }
                else if (status == HttpStatusCode.Conflict)
                {
                    Interlocked.Increment(ref conflicts);
                    open.TryRemove(start, out var _);
                }
                else
                {
                    Interlocked.Increment(ref other);
                    open.TryRemove(start, out var _);
                }
            }
        });
        contention.Stop();

        var (overCapacity, checkedBookings, checkSeconds) = await OverCapacityAsync(ownerConnectionString);

        Console.WriteLine();
        Console.WriteLine("==================== appointments results ====================");
        Console.WriteLine(string.Create(Inv, $"towns with bookings in the database   {towns:N0}; bookings in the table {checkedBookings:N0}"));
        Console.WriteLine(string.Create(Inv, $"slot search, 4 weeks, 1 location, 3 counters, 10 services; {searches} requests one at a time over random towns"));
        Console.WriteLine(string.Create(Inv, $"  server-side (Server-Timing)          p50 {Percentile(serverTimes, 50):F2} ms  p95 {Percentile(serverTimes, 95):F2} ms  p99 {Percentile(serverTimes, 99):F2} ms  max {serverTimes.Max():F2} ms  (target: p95 < 20 ms)"));
        Console.WriteLine(string.Create(Inv, $"  client-measured over loopback        p50 {Percentile(times, 50):F2} ms  p95 {Percentile(times, 95):F2} ms  p99 {Percentile(times, 99):F2} ms  max {times.Max():F2} ms"));
        Console.WriteLine(string.Create(Inv, $"  server-side, the same towns again    p50 {Percentile(againTimes, 50):F2} ms  p95 {Percentile(againTimes, 95):F2} ms  p99 {Percentile(againTimes, 99):F2} ms"));
        Console.WriteLine(string.Create(Inv, $"  server-side, one town asked again    p50 {Percentile(warmTimes, 50):F2} ms  p95 {Percentile(warmTimes, 95):F2} ms  p99 {Percentile(warmTimes, 99):F2} ms"));
        Console.WriteLine(string.Create(Inv, $"  free slots per answer (mean)         {slotsSeen / (double)searches:F0}"));
        Console.WriteLine(string.Create(Inv, $"booking under contention: {clients} clients, one town, 15-minute service, {seatsBefore} free seats"));
        Console.WriteLine(string.Create(Inv, $"  {created} bookings (201), {conflicts} full (409), {other} other answers in {contention.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(Inv, $"  throughput                           {created / contention.Elapsed.TotalSeconds:F0} bookings/s, {(created + conflicts + other) / contention.Elapsed.TotalSeconds:F0} requests/s"));
        Console.WriteLine(string.Create(Inv, $"over-capacity slots in the whole table {overCapacity} (recounted from the bookings in {checkSeconds:F1} s)"));
        Console.WriteLine("==============================================================");
        var ok = Percentile(serverTimes, 95) < 20 && overCapacity == 0 && other == 0 && created == seatsBefore;
        Console.WriteLine(ok ? "appointments: targets met" : "appointments: TARGET MISSED (see above)");
        return overCapacity == 0 && other == 0 && created == seatsBefore ? 0 : 1;
    }

    /// <summary>
    /// Recounts every cell from the bookings themselves (not from the ledger): a booking covers the cells from
    /// its start to its end on the location's grid; no cell may hold more active bookings than the location's counters.
    /// </summary>
    private static async Task<(long OverCapacity, long Bookings, double Seconds)> OverCapacityAsync(string ownerConnectionString)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM (
                        SELECT b.tenant_id, b.location_id, cell
                        FROM appointments_bookings b
                        JOIN appointments_locations l ON l.tenant_id = b.tenant_id AND l.id = b.location_id
                        CROSS JOIN LATERAL generate_series(b.start_utc, b.end_utc - make_interval(mins => l.slot_minutes), make_interval(mins => l.slot_minutes)) AS cell
                        WHERE b.cancelled_at IS NULL
                        GROUP BY b.tenant_id, b.location_id, cell, l.counters
                        HAVING count(*) > l.counters) over_capacity)
                 + (SELECT count(*) FROM appointments_slot_counts WHERE booked > capacity),
                   (SELECT count(*) FROM appointments_bookings)
            """, connection) { CommandTimeout = 1800 };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), clock.Elapsed.TotalSeconds);
    }

    private static HttpClient Client(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = connections,
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Tomorrow in the town's zone and 27 days later: a 4-week window.</summary>
    private static (DateOnly From, DateOnly To) Window()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        return (today.AddDays(1), today.AddDays(28));
    }

    private static async Task<List<(Guid Id, int Minutes)>> ServicesAsync(HttpClient client, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/appointments/services");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var services = await response.Content.ReadFromJsonAsync<JsonElement[]>() ?? [];
        return services.Select(s => (s.GetProperty("id").GetGuid(), s.GetProperty("durationMinutes").GetInt32())).ToList();
    }

    private static async Task<List<DateTimeOffset>> SlotsAsync(HttpClient client, string host, Guid service, DateOnly from, DateOnly to) =>
        (await SlotElementsAsync(client, host, service, from, to)).Slots.Select(s => s.GetProperty("start").GetDateTimeOffset()).ToList();

    private static async Task<int> SeatsAsync(HttpClient client, string host, Guid service, DateOnly from, DateOnly to) =>
        (await SlotElementsAsync(client, host, service, from, to)).Slots.Sum(s => s.GetProperty("remaining").GetInt32());

    /// <summary>The free slots and the host's own time for the answer (its Server-Timing header).</summary>
    private static async Task<(List<JsonElement> Slots, double ServerMs)> SlotElementsAsync(HttpClient client, string host, Guid service, DateOnly from, DateOnly to)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/api/v1/appointments/slots?serviceId={service}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{host} slots: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? values.Single() : throw new InvalidDataException("No Server-Timing header: is Platform:ServerTiming on?");
        return (body.GetProperty("slots").EnumerateArray().ToList(), double.Parse(timing["app;dur=".Length..], Inv));
    }

    private static async Task<HttpStatusCode> BookAsync(HttpClient client, string host, Guid service, DateTimeOffset start, string name, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appointments/bookings")
        {
            Content = JsonContent.Create(new { serviceId = service, start, name, email }),
        };
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
        {
            Console.Error.WriteLine($"book {host} {start:O}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return response.StatusCode;
    }

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
