using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Saas.Benchmarks.TenantScale;

/// <summary>
/// Drives a running host over loopback (issue targets 2 and 3):
/// warms up on the demo towns, reads the host's RSS, times the first and a warm request for a
/// sample of towns nobody has visited, requests <c>/</c> of every other town once with bounded
/// concurrency, and reads the RSS again.
/// </summary>
internal static class TownVisits
{
    private static readonly string[] DemoTowns = ["bad-belzig", "treuenbrietzen", "wiesenburg-mark"];
    private static readonly string[] DemoPaths = ["/", "/aktuelles", "/impressum", "/kontakt", "/brand.css", "/?culture=en"];

    public static async Task<int> RunAsync(Uri baseAddress, int pid, int towns, int sample, int concurrency, string domain)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = Math.Max(concurrency, 1),
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // 1. Warm-up: the three demo towns, every kind of page, until JIT and caches settle.
        for (var round = 0; round < 40; round++)
        {
            foreach (var town in DemoTowns)
            {
                foreach (var path in DemoPaths)
                {
                    await GetAsync(client, $"{town}.{domain}", round % 2 == 0 ? path : $"{path}{(path.Contains('?') ? '&' : '?')}w={round}", expectTown: null);
                }
            }
        }
        // The same request shape as the sample (town home page, fresh and with a query), on a town outside the measured set.
        for (var i = 0; i < 50; i++)
        {
            await GetAsync(client, $"town-1.{domain}", $"/?warm={i}", "town-1");
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        var rssBefore = Rss(pid);
        Console.WriteLine($"visit: warmed up; host RSS {Mb(rssBefore)} MB");

        // 2. First vs warm, one request at a time so each is timed alone. The sample is spread over the whole range.
        var sampleTowns = Enumerable.Range(0, sample).Select(i => 2 + (int)((long)i * (towns - 1) / sample)).Distinct().ToList();
        var first = new List<double>();
        var warm = new List<double>();
        foreach (var n in sampleTowns)
        {
            var host = $"town-{n}.{domain}";
            first.Add(await GetAsync(client, host, "/", $"town-{n}"));
            // Second request to the same town, with a query the output cache has never seen: measures the app, not the cache.
            warm.Add(await GetAsync(client, host, $"/?nocache={Guid.NewGuid():N}", $"town-{n}"));
        }

        // 3. Every other town, once.
        var rest = Enumerable.Range(1, towns).Except(sampleTowns).ToList();
        var sweep = Stopwatch.StartNew();
        var failures = 0;
        await Parallel.ForEachAsync(rest, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (n, _) =>
        {
            try
            {
                await GetAsync(client, $"town-{n}.{domain}", "/", $"town-{n}");
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidDataException or TaskCanceledException)
            {
                if (Interlocked.Increment(ref failures) <= 5)
                {
                    Console.Error.WriteLine($"visit: town-{n}: {ex.Message}");
                }
            }
        });
        sweep.Stop();
        var rssAfter = Rss(pid);
        await Task.Delay(TimeSpan.FromSeconds(10));
        var rssSettled = Rss(pid);

        var firstMedian = Percentile(first, 50);
        var warmMedian = Percentile(warm, 50);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("==================== tenant-scale results ====================");
        Console.WriteLine(string.Create(inv, $"towns served once               {towns} ({sampleTowns.Count} sampled + {rest.Count} swept, concurrency {concurrency}, {failures} failures)"));
        Console.WriteLine(string.Create(inv, $"sweep                           {rest.Count / sweep.Elapsed.TotalSeconds:F0} req/s, {sweep.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(inv, $"host RSS after warm-up          {Mb(rssBefore)} MB"));
        Console.WriteLine(string.Create(inv, $"host RSS right after all towns  {Mb(rssAfter)} MB   delta {Mb(rssAfter - rssBefore)} MB"));
        Console.WriteLine(string.Create(inv, $"host RSS 10 s later             {Mb(rssSettled)} MB   delta {Mb(rssSettled - rssBefore)} MB   (target: delta < 200 MB)"));
        Console.WriteLine(string.Create(inv, $"first request (unvisited town)  median {firstMedian:F2} ms  p95 {Percentile(first, 95):F2} ms  (n={first.Count})"));
        Console.WriteLine(string.Create(inv, $"warm request (same town, query) median {warmMedian:F2} ms  p95 {Percentile(warm, 95):F2} ms"));
        Console.WriteLine(string.Create(inv, $"first / warm                    median {firstMedian / warmMedian:F2}x  p95 {Percentile(first, 95) / Percentile(warm, 95):F2}x  (target: <= 2x)"));
        Console.WriteLine("==============================================================");
        var ok = failures == 0 && rssAfter - rssBefore < 200L * 1024 * 1024 && firstMedian <= 2 * warmMedian;
        Console.WriteLine(ok ? "tenant-scale: targets met" : "tenant-scale: TARGET MISSED (see above)");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>GET with the town's Host header; returns milliseconds. Fails unless 200 and (when given) the page is the town's own.</summary>
    private static async Task<double> GetAsync(HttpClient client, string host, string path, string? expectTown)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{host}{path}: {(int)response.StatusCode}");
        }
        if (expectTown is not null && !body.Contains($">Willkommen in {expectTown}<", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{host}{path}: not the home page of {expectTown}");
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Resident set size of a process (VmRSS in /proc/PID/status), bytes.</summary>
    internal static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"No VmRSS for process {pid}");
    }

    private static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F1", CultureInfo.InvariantCulture);

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
