using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Saas.Host.Accounts;
using Saas.Host.Tenancy;
using Saas.Kernel.Localization;
using Saas.Kernel.Mail;
using Saas.Kernel.Security;

namespace Saas.Host.Signup;

/// <summary>
/// A municipality signs up: the request is checked, kept with a hashed one-time token and
/// confirmed by the mailed link; the confirmation starts provisioning (<see cref="SignupProvisioner"/>).
/// </summary>
internal sealed class SignupService(
    IDbContextFactory<SignupDbContext> signups,
    TenantRegistry registry,
    SignupValidator validator,
    UserManager<Account> users,
    IPasswordHasher<Account> hasher,
    MailComposer composer,
    IMailSender mail,
    Texts texts,
    TimeProvider clock)
{
    /// <summary>How long the confirmation link works, and how long a pending signup keeps its address from others.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    /// <summary>Null when the address may be had; otherwise the text key of the reason (format, reserved, offensive, taken).</summary>
    public async Task<string?> SlugProblemAsync(string slug, string? forEmail, CancellationToken cancellationToken)
    {
        if (SlugRules.Check(slug) is { } problem)
        {
            return problem;
        }
        if (registry.FindBySlug(slug) is not null)
        {
            return "signup.error.slugTaken";
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await signups.CreateDbContextAsync(cancellationToken);
        var pending = await db.Signups.AsNoTracking()
            .Where(s => s.Slug == slug && s.Failure == null && (s.ProvisionedAt != null || s.ConfirmedAt != null || s.ExpiresAt > now))
            .Select(s => s.AdminEmail).ToListAsync(cancellationToken);
        // The same person starting again (a lost mail) may reuse the address they asked for.
        return pending.Any(e => !string.Equals(e, forEmail, StringComparison.OrdinalIgnoreCase)) ? "signup.error.slugTaken" : null;
    }

    public async Task<SignupStart> StartAsync(SignupRequest request, string culture, Uri platformOrigin, CancellationToken cancellationToken)
    {
        var (valid, errors) = validator.Validate(request);
        var candidate = new Account
        {
            Email = request.Email ?? "", NormalizedEmail = "", DisplayName = request.AdminName ?? "", Role = Roles.TenantAdmin,
        };
        if (!string.IsNullOrEmpty(request.Password))
        {
            foreach (var rule in users.PasswordValidators)
            {
                var result = await rule.ValidateAsync(users, candidate, request.Password);
                if (!result.Succeeded)
                {
                    errors["Password"] = result.Errors.First().Description;
                    valid = null;
                }
            }
        }
        if (valid is not null && await SlugProblemAsync(valid.Slug, valid.Email, cancellationToken) is { } taken)
        {
            errors["Slug"] = taken;
            valid = null;
        }
        if (valid is null)
        {
            return new SignupStart(null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var signup = new SignupRow
        {
            Slug = valid.Slug,
            Municipality = valid.Municipality,
            Kind = valid.Kind,
            Ags = valid.Ags,
            FederalState = valid.FederalState,
            AdminName = valid.AdminName,
            AdminEmail = valid.Email,
            PasswordHash = hasher.HashPassword(candidate, valid.Password),
            Features = string.Join(',', valid.Features),
            Theme = valid.Theme,
            Culture = culture == Texts.English ? Texts.English : Texts.German,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + LinkLifetime,
        };
        await using (var db = await signups.CreateDbContextAsync(cancellationToken))
        {
            db.Signups.Add(signup);
            await db.SaveChangesAsync(cancellationToken);
        }
        await SendConfirmationAsync(signup, token, platformOrigin, cancellationToken);
        return new SignupStart(signup, errors);
    }

    /// <summary>The signup the link names, when the token is its own and the link has not expired; null otherwise.</summary>
    public async Task<SignupRow?> FindAsync(Guid id, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        await using var db = await signups.CreateDbContextAsync(cancellationToken);
        var signup = await db.Signups.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (signup is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(signup.TokenHash)))
        {
            return null;
        }
        // A confirmed signup stays reachable by its link (to see the result); an unconfirmed one only while the link lives.
        return signup.ConfirmedAt is null && signup.ExpiresAt <= clock.GetUtcNow().UtcDateTime ? null : signup;
    }

    /// <summary>Marks the signup confirmed, once; a second click changes nothing and is no error.</summary>
    public async Task ConfirmAsync(SignupRow signup, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await signups.CreateDbContextAsync(cancellationToken);
        await db.Signups.Where(s => s.Id == signup.Id && s.ConfirmedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ConfirmedAt, now), cancellationToken);
    }

    private async Task SendConfirmationAsync(SignupRow signup, string token, Uri origin, CancellationToken cancellationToken)
    {
        var words = CultureInfo.GetCultureInfo(signup.Culture);
        string T(string key, params object[] args) => string.Format(words, texts.Get(key, words), args);
        var link = new Uri(origin, $"/registrieren/bestaetigen/{signup.Id}?token={Uri.EscapeDataString(token)}");
        var content = new MailContent(
            T("signup.mail.subject", signup.Municipality),
            [T("signup.mail.text", signup.Municipality, $"{signup.Slug}.{origin.Host}"), T("signup.mail.expiry"), T("signup.mail.notYou")])
        {
            Greeting = T("signup.mail.greeting", signup.AdminName),
            Action = new MailAction(T("signup.mail.action"), link),
        };
        await mail.SendAsync(composer.Compose(words, content).To(signup.AdminEmail), cancellationToken);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>The stored signup (its mail is sent), or the errors by field.</summary>
internal sealed record SignupStart(SignupRow? Signup, Dictionary<string, string> Errors);
