using Saas.Host.Accounts;

namespace Saas.UnitTests.Accounts;

public sealed class TotpTests
{
    // RFC 6238 appendix B: SHA-1 secret "12345678901234567890"; the 8-digit values end in our 6 digits.
    private static readonly byte[] RfcSecret = "12345678901234567890"u8.ToArray();

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixSeconds, string expected)
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
        Assert.Equal(expected, Totp.Code(RfcSecret, step));
    }

    [Fact]
    public void A_code_from_the_previous_or_next_step_is_accepted_but_not_older()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var step = Totp.StepAt(now);
        Assert.Equal(step - 1, Totp.MatchingStep(RfcSecret, Totp.Code(RfcSecret, step - 1), now));
        Assert.Equal(step + 1, Totp.MatchingStep(RfcSecret, Totp.Code(RfcSecret, step + 1), now));
        Assert.Null(Totp.MatchingStep(RfcSecret, Totp.Code(RfcSecret, step - 3), now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    [InlineData("1234567")]
    public void Malformed_codes_match_nothing(string code) =>
        Assert.Null(Totp.MatchingStep(RfcSecret, code, DateTimeOffset.UtcNow));

    [Fact]
    public void Codes_typed_with_a_space_in_the_middle_are_accepted()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var code = Totp.Code(RfcSecret, Totp.StepAt(now));
        Assert.NotNull(Totp.MatchingStep(RfcSecret, $"{code[..3]} {code[3..]}", now));
    }

    [Fact]
    public void Base32_round_trips_and_matches_rfc_4648()
    {
        Assert.Equal("MZXW6YTBOI", Base32.Encode("foobar"u8));
        Assert.Equal("foobar"u8.ToArray(), Base32.Decode("mzxw 6ytb oi"));
        var secret = Totp.NewSecret();
        Assert.Equal(32, secret.Length);
        Assert.Equal(20, Base32.Decode(secret).Length);
    }

    [Fact]
    public void Key_uri_names_issuer_and_account_for_authenticator_apps()
    {
        var uri = Totp.KeyUri("Stadt Bad Belzig", "anna@example.org", "MZXW6YTBOI");
        Assert.StartsWith("otpauth://totp/Stadt%20Bad%20Belzig:anna%40example.org?secret=MZXW6YTBOI&issuer=Stadt%20Bad%20Belzig", uri);
    }
}
