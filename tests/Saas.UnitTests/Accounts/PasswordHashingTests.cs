using System.Buffers.Binary;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Saas.Host.Accounts;

namespace Saas.UnitTests.Accounts;

public sealed class PasswordHashingTests
{
    [Fact]
    public void Passwords_are_hashed_with_pbkdf2_at_600000_iterations_or_more()
    {
        var services = new ServiceCollection();
        services.AddAccounts(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        var hasher = new PasswordHasher<Account>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>());

        var hash = Convert.FromBase64String(hasher.HashPassword(null!, "Lindenallee-Brunnen-47"));

        // Identity v3 format: 0x01 | PRF (uint32) | iterations (uint32) | salt length | salt | subkey.
        Assert.Equal(0x01, hash[0]);
        var prf = (KeyDerivationPrf)BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1));
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5));
        Assert.True(prf is KeyDerivationPrf.HMACSHA256 or KeyDerivationPrf.HMACSHA512, $"PRF was {prf}");
        Assert.True(iterations >= 600_000, $"only {iterations} iterations");
    }

    [Fact]
    public void Failed_sign_ins_are_throttled_at_100_per_account_and_hour_by_default() =>
        Assert.Equal(100, new AccountOptions().FailedSignInsPerHour);

    [Fact]
    public void The_throttle_blocks_an_account_after_its_limit_with_a_retry_after_but_not_other_accounts()
    {
        using var throttle = new LoginThrottle(Options.Create(new AccountOptions { FailedSignInsPerHour = 3 }));
        var town = Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(throttle.Blocked(town, "ANNA@EXAMPLE.ORG"));
            throttle.RecordFailure(town, "ANNA@EXAMPLE.ORG");
        }
        var wait = throttle.Blocked(town, "ANNA@EXAMPLE.ORG");
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.Null(throttle.Blocked(town, "BERND@EXAMPLE.ORG"));
        Assert.Null(throttle.Blocked(Guid.NewGuid(), "ANNA@EXAMPLE.ORG"));
    }
}
