using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Saas.Host;
using Saas.Host.Accounts.Passwords;
using Saas.Kernel.Localization;

namespace Saas.UnitTests.Accounts;

public sealed class PasswordRulesTests
{
    private static readonly Texts Texts = new([typeof(PlatformServices).Assembly]);
    private static readonly BreachedPasswordValidator<TestUser> Validator = new(Texts);

    [Fact]
    public void The_shipped_list_holds_at_least_the_ten_thousand_most_common_passwords() =>
        Assert.True(BreachedPasswords.Count >= 10_000, $"only {BreachedPasswords.Count} entries");

    [Theory]
    [InlineData("password")]
    [InlineData("123456")]
    [InlineData("12345678")]
    [InlineData("qwertz")]
    [InlineData("passwort")]
    [InlineData("hallo123")]
    [InlineData("iloveyou")]
    [InlineData("fussball")]
    [InlineData("schalke04")]
    [InlineData("password1")]
    public async Task A_common_breached_password_is_refused(string password) =>
        Assert.Equal("PasswordBreached", Assert.Single((await ValidateAsync(password)).Errors).Code);

    [Theory]
    [InlineData("PASSWORD")]
    [InlineData("PassWord")]
    [InlineData("Passwort")]
    [InlineData("  password  ")]
    [InlineData("\tQwertz\n")]
    public async Task Case_and_surrounding_blanks_do_not_get_a_breached_password_through(string password) =>
        Assert.Equal("PasswordBreached", Assert.Single((await ValidateAsync(password)).Errors).Code);

    [Theory]
    [InlineData("Kirchturm Glocke läutet um sieben")]
    [InlineData("hmpf-Zwieback-Regenfass-42")]
    [InlineData("correct horse battery staple in Bad Belzig")]
    public async Task A_long_unusual_passphrase_is_accepted(string password) =>
        Assert.True((await ValidateAsync(password)).Succeeded);

    [Fact]
    public async Task Sixty_four_and_one_hundred_twenty_eight_characters_are_accepted()
    {
        Assert.True((await ValidateAsync(Passphrase(64))).Succeeded);
        Assert.True((await ValidateAsync(Passphrase(PasswordPolicy.MaxLength))).Succeeded);
    }

    [Fact]
    public async Task One_hundred_twenty_nine_characters_are_refused()
    {
        var error = Assert.Single((await ValidateAsync(Passphrase(129))).Errors);

        Assert.Equal("PasswordTooLong", error.Code);
        Assert.Equal("Das Passwort darf höchstens 128 Zeichen lang sein.", error.Description);
    }

    [Fact]
    public async Task The_breached_message_is_friendly_German_by_default_and_English_when_asked()
    {
        Assert.Equal(
            "Dieses Passwort ist aus Datenlecks bekannt und leicht zu erraten. Bitte wählen Sie ein anderes.",
            Assert.Single((await ValidateAsync("password", "de")).Errors).Description);
        Assert.Equal(
            "This password is known from data breaches and easy to guess. Please choose a different one.",
            Assert.Single((await ValidateAsync("password", "en")).Errors).Description);
    }

    [Fact]
    public void Identitys_own_errors_speak_the_residents_language()
    {
        var describer = new LocalizedIdentityErrorDescriber(Texts);

        var german = InCulture("de", () => (describer.PasswordTooShort(8), describer.DuplicateEmail("anna@example.net"), describer.InvalidToken()));
        var english = InCulture("en", () => (describer.PasswordTooShort(8), describer.DuplicateEmail("anna@example.net"), describer.InvalidToken()));

        Assert.Equal("Das Passwort muss mindestens 8 Zeichen lang sein.", german.Item1.Description);
        Assert.Equal("PasswordTooShort", german.Item1.Code);
        Assert.Equal("Für die E-Mail-Adresse „anna@example.net“ gibt es bereits ein Konto.", german.Item2.Description);
        Assert.Equal("DuplicateEmail", german.Item2.Code);
        Assert.Contains("abgelaufen", german.Item3.Description, StringComparison.Ordinal);
        Assert.Equal("The password must be at least 8 characters long.", english.Item1.Description);
        Assert.Equal("There is already an account for the e-mail address “anna@example.net”.", english.Item2.Description);
        Assert.Contains("expired", english.Item3.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_overridden_Identity_message_has_a_German_and_an_English_text()
    {
        var describer = new LocalizedIdentityErrorDescriber(Texts);
        var overridden = typeof(LocalizedIdentityErrorDescriber).GetMethods()
            .Where(m => m.DeclaringType == typeof(LocalizedIdentityErrorDescriber) && m.ReturnType == typeof(IdentityError))
            .ToList();

        foreach (var language in new[] { "de", "en" })
        {
            var descriptions = InCulture(language, () => overridden
                .Select(m => ((IdentityError)m.Invoke(describer, [.. m.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)8 : "x")])!).Description)
                .ToList());
            Assert.All(descriptions, d => Assert.DoesNotContain("identity.error.", d, StringComparison.Ordinal));
        }
        Assert.True(overridden.Count >= 15, $"{overridden.Count} messages");
    }

    [Fact]
    public async Task Registered_through_AddPasswordRules_Identity_refuses_short_and_breached_passwords_but_not_missing_digits_or_capitals()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(Texts).AddScoped<IUserStore<TestUser>, NoUserStore>();
        services.AddIdentityCore<TestUser>().AddPasswordRules();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var options = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.Password;
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<TestUser>>();
        var validators = manager.PasswordValidators;

        Assert.Equal(PasswordPolicy.MinLength, options.RequiredLength);
        Assert.False(options.RequireDigit || options.RequireUppercase || options.RequireLowercase || options.RequireNonAlphanumeric);
        Assert.Contains(validators, v => v is BreachedPasswordValidator<TestUser>);
        Assert.IsType<LocalizedIdentityErrorDescriber>(scope.ServiceProvider.GetRequiredService<IdentityErrorDescriber>());
        var results = new List<IdentityResult>();
        foreach (var password in new[] { "kurz", "password", "wiesen und felder" })
        {
            var errors = new List<IdentityError>();
            foreach (var validator in validators)
            {
                errors.AddRange((await validator.ValidateAsync(manager, new TestUser(), password)).Errors);
            }
            results.Add(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
        }
        Assert.Equal(["PasswordTooShort"], results[0].Errors.Select(e => e.Code));
        Assert.Equal(["PasswordBreached"], results[1].Errors.Select(e => e.Code));
        Assert.True(results[2].Succeeded);
    }

    private static Task<IdentityResult> ValidateAsync(string password, string culture = "de") =>
        InCulture(culture, () => Validator.ValidateAsync(null!, new TestUser(), password));

    /// <summary>An unusual passphrase of exactly <paramref name="length"/> characters.</summary>
    private static string Passphrase(int length) =>
        string.Concat(Enumerable.Repeat("Moorlinde-Feldstein-", 10))[..length];

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public sealed class TestUser;

    /// <summary>UserManager needs a store; validating a password never touches it.</summary>
    private sealed class NoUserStore : IUserStore<TestUser>
    {
        public Task<IdentityResult> CreateAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IdentityResult> DeleteAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<TestUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<TestUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string?> GetNormalizedUserNameAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string> GetUserIdAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string?> GetUserNameAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetNormalizedUserNameAsync(TestUser user, string? normalizedName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetUserNameAsync(TestUser user, string? userName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IdentityResult> UpdateAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
