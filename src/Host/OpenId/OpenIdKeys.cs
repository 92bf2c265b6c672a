using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Saas.Kernel.Data;

namespace Saas.Host.OpenId;

/// <summary>
/// The provider's signing and encryption keys, one pair for the whole deployment (the issuer
/// check keeps the towns apart, not the key). Every node must use the same keys, so they come
/// from files named in configuration (<c>OpenId:SigningKeyPath</c>, <c>OpenId:EncryptionKeyPath</c>:
/// PEM or PFX), or else from <c>platform_openid_keys</c>, created once by whichever node starts
/// first and protected with Data Protection (whose key ring the nodes share through Redis).
/// Loaded once at startup, after the migrations.
/// </summary>
internal sealed class OpenIdKeys(
    IDbContextFactory<OpenIdKeyDbContext> contexts,
    IDataProtectionProvider protection,
    IOptions<OpenIdOptions> options,
    TimeProvider clock,
    ILogger<OpenIdKeys> logger)
{
    private const string Signing = "signing";
    private const string Encryption = "encryption";
    private readonly IDataProtector _protector = protection.CreateProtector("Saas.Host.OpenId.Keys");

    public SecurityKey? SigningKey { get; private set; }
    public SecurityKey? EncryptionKey { get; private set; }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        SigningKey = FromFile(options.Value.SigningKeyPath) ?? await FromDatabaseAsync(Signing, cancellationToken);
        EncryptionKey = FromFile(options.Value.EncryptionKeyPath) ?? await FromDatabaseAsync(Encryption, cancellationToken);
    }

    private SecurityKey? FromFile(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }
        if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.Value.KeyPassword);
            return new X509SecurityKey(certificate);
        }
        return FromPem(File.ReadAllText(path));
    }

    private async Task<SecurityKey> FromDatabaseAsync(string use, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Keys.SingleOrDefaultAsync(k => k.Use == use, cancellationToken);
        if (row is not null && TryUnprotect(row.Protected) is { } stored)
        {
            return stored;
        }
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        if (row is null)
        {
            db.Keys.Add(new OpenIdKeyRow { Use = use, Protected = _protector.Protect(pem), CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            // The Data Protection key ring that protected it is gone (a node without shared keys):
            // the old tokens cannot be read anyway, so a new key takes its place.
            logger.LogWarning("The stored OpenID {Use} key cannot be unprotected; replacing it (issued tokens become invalid)", use);
            row.Protected = _protector.Protect(pem);
            row.CreatedAt = clock.GetUtcNow().UtcDateTime;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node stored its key first: everyone uses that one.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            var winner = await again.Keys.SingleAsync(k => k.Use == use, cancellationToken);
            return TryUnprotect(winner.Protected) ?? throw new InvalidOperationException($"The OpenID {use} key stored by another node cannot be unprotected.");
        }
        return FromPem(pem);
    }

    private RsaSecurityKey? TryUnprotect(string protectedPem)
    {
        try
        {
            return FromPem(_protector.Unprotect(protectedPem));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static RsaSecurityKey FromPem(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = KeyId(rsa) };
    }

    /// <summary>A stable key id (RFC 7638 thumbprint), so every node names the key the same way in tokens and JWKS.</summary>
    private static string KeyId(RSA rsa) =>
        Base64UrlEncoder.Encode(new RsaSecurityKey(rsa.ExportParameters(false)).ComputeJwkThumbprint());

    /// <summary>Hands the loaded keys to OpenIddict when its options are first built (after <see cref="LoadAsync"/>).</summary>
    internal sealed class Configure(OpenIdKeys keys) : IConfigureOptions<OpenIddictServerOptions>
    {
        void IConfigureOptions<OpenIddictServerOptions>.Configure(OpenIddictServerOptions options)
        {
            var signing = keys.SigningKey ?? throw new InvalidOperationException("OpenID keys used before they were loaded.");
            var encryption = keys.EncryptionKey ?? throw new InvalidOperationException("OpenID keys used before they were loaded.");
            options.SigningCredentials.Add(new SigningCredentials(signing, SecurityAlgorithms.RsaSha256));
            options.EncryptionCredentials.Add(new EncryptingCredentials(encryption, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}

/// <summary>Control-plane table of the provider's keys (no town: one pair for the deployment).</summary>
internal sealed class OpenIdKeyDbContext(DbContextOptions<OpenIdKeyDbContext> options) : DbContext(options)
{
    public DbSet<OpenIdKeyRow> Keys => Set<OpenIdKeyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<OpenIdKeyRow>(e =>
    {
        e.ToTable("platform_openid_keys");
        e.HasKey(k => k.Use);
        e.Property(k => k.Use).HasColumnName("use");
        e.Property(k => k.Protected).HasColumnName("protected");
        e.Property(k => k.CreatedAt).HasColumnName("created_at");
    });
}

internal sealed class OpenIdKeyRow
{
    public required string Use { get; set; }
    public required string Protected { get; set; }
    public DateTime CreatedAt { get; set; }
}
