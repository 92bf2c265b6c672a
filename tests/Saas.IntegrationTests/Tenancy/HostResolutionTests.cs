using System.Net;
using Saas.IntegrationTests.Infrastructure;
using Saas.TestInfrastructure;

namespace Saas.IntegrationTests.Tenancy;

/// <summary>Which host gets which town, on a real PostgreSQL.</summary>
public sealed class HostResolutionTests : IAsyncLifetime
{
    private PlatformFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("resolution") });
        await TestTowns.CreateAsync(_factory, "alpha", articles: [("alpha-news", "Nachricht aus Alpha", "Alpha body")]);
        await TestTowns.CreateAsync(_factory, "beta", articles: [("beta-news", "Nachricht aus Beta", "Beta body")]);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Given_two_towns_When_each_host_is_asked_Then_each_serves_only_its_own_content()
    {
        var alpha = await _factory.ClientFor("alpha.localhost").GetStringAsync("/aktuelles");
        var beta = await _factory.ClientFor("beta.localhost").GetStringAsync("/aktuelles");

        Assert.Contains("Nachricht aus Alpha", alpha);
        Assert.DoesNotContain("Nachricht aus Beta", alpha);
        Assert.Contains("Nachricht aus Beta", beta);
        Assert.DoesNotContain("Nachricht aus Alpha", beta);
    }

    [Theory]
    [InlineData("ALPHA.LOCALHOST")]
    [InlineData("alpha.localhost.")]
    [InlineData("alpha.localhost:8080")]
    public async Task Given_a_host_in_another_spelling_When_requested_Then_the_town_answers(string host)
    {
        var response = await _factory.ClientFor(host).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Willkommen in alpha", await response.Content.ReadAsStringAsync());
    }
}
