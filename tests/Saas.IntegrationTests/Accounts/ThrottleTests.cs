using System.Net;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Accounts;

/// <summary>A node that allows three failed sign-ins per account and hour (the default is 100, checked in the unit tests).</summary>
public sealed class ThrottleFixture : IAsyncLifetime
{
    public const int Limit = 3;
    public const string Host = "drossel.localhost";

    public PlatformFactory Factory { get; private set; } = null!;

    public Guid Town { get; private set; }

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions
        {
            Database = await TestDatabase.CreateAsync("throttle"),
            Settings = new Dictionary<string, string?> { ["Accounts:FailedSignInsPerHour"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        Town = await TestTowns.CreateAsync(Factory, "drossel");
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class ThrottleTests(ThrottleFixture fixture) : IClassFixture<ThrottleFixture>
{
    [Fact]
    public async Task Given_the_failure_limit_is_used_up_When_signing_in_again_Then_the_answer_is_429_with_Retry_After_and_a_German_explanation_even_with_the_right_password()
    {
        var account = await TestAccounts.CreateAsync(fixture.Factory, fixture.Town, ResidentsFixture.NewEmail("drossel"));
        var browser = ResidentClient.For(fixture.Factory, ThrottleFixture.Host);
        for (var i = 0; i < ThrottleFixture.Limit; i++)
        {
            using var failed = await browser.SignInAsync(account.Email, "falsch geraten " + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var throttled = await browser.SignInAsync(account.Email, account.Password);
        var text = ResidentClient.Decode(await throttled.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        var retryAfter = throttled.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter > TimeSpan.Zero && retryAfter <= TimeSpan.FromHours(1), $"Retry-After: {throttled.Headers.RetryAfter}");
        Assert.Contains("Zu viele fehlgeschlagene Anmeldeversuche", text, StringComparison.Ordinal);
        Assert.Contains("<form", text, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task Given_one_throttled_account_When_another_account_signs_in_Then_it_is_not_affected()
    {
        var throttledAccount = await TestAccounts.CreateAsync(fixture.Factory, fixture.Town, ResidentsFixture.NewEmail("gesperrt"));
        var other = await TestAccounts.CreateAsync(fixture.Factory, fixture.Town, ResidentsFixture.NewEmail("frei"));
        var browser = ResidentClient.For(fixture.Factory, ThrottleFixture.Host);
        for (var i = 0; i <= ThrottleFixture.Limit; i++)
        {
            using var _ = await browser.SignInAsync(throttledAccount.Email, "falsch " + i);
        }

        using var signIn = await browser.SignInAsync(other.Email, other.Password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }
}
