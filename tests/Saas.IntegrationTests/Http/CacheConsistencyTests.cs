using Saas.Host.Tenancy;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Http;

/// <summary>
/// The output cache against a town that changes while residents are reading. A request that
/// resolved the town just before a change and reaches the cache just after its eviction must not
/// store the old page again (it would be served for the cache's whole lifetime).
/// </summary>
public sealed class CacheConsistencyTests : IAsyncLifetime
{
    private const int Changes = 8;
    private PlatformFactory _factory = null!;
    private Guid _townId;

    public async Task InitializeAsync()
    {
        _factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("http_cache") });
        _townId = await TestTowns.CreateAsync(_factory, "cc-stadt", features: []);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Given_residents_reading_all_the_time_When_the_town_changes_repeatedly_Then_every_change_is_served_within_a_second()
    {
        var admin = _factory.Service<TenantAdministration>();
        using var reading = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var client = _factory.ClientFor("cc-stadt.localhost");
            while (!reading.IsCancellationRequested)
            {
                var response = await client.GetAsync("/", CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    Console.Error.WriteLine($"READER {(int)response.StatusCode}: {body}");
                    throw new InvalidOperationException($"a reader got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
                }
            }
        })).ToList();

        var late = new List<string>();
        var check = _factory.ClientFor("cc-stadt.localhost");
        for (var i = 1; i <= Changes; i++)
        {
            var name = $"Stand {i}";
            await admin.SetNameAsync(_townId, name, CancellationToken.None);
            if (!await HttpProbe.EventuallyAsync(async () => (await check.GetStringAsync("/")).Contains($">{name}<"), TimeSpan.FromSeconds(1)))
            {
                late.Add(name);
            }
        }
        await reading.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(late.Count == 0, $"served late or never: {string.Join(", ", late)}");
    }
}
