namespace Saas.Host.OpenId;

/// <summary>Settings of the towns' OpenID provider (section <c>OpenId</c>).</summary>
internal sealed class OpenIdOptions
{
    /// <summary>
    /// Where the residents' app may receive the authorization code: its private-use scheme
    /// (RFC 8252 section 7.1) and a loopback address for development builds (section 7.3).
    /// </summary>
    public List<string> AppRedirectUris { get; set; } = [FirstPartyApp.AppRedirectUri, FirstPartyApp.LoopbackRedirectUri];

    /// <summary>PEM (RSA private key) or PFX file signing the tokens; when unset, a key kept in the database is used.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>PEM or PFX file encrypting the tokens; when unset, a key kept in the database is used.</summary>
    public string? EncryptionKeyPath { get; set; }

    /// <summary>Password of a PFX given as <see cref="SigningKeyPath"/> or <see cref="EncryptionKeyPath"/>.</summary>
    public string? KeyPassword { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a refresh token that was just used may be used once more (an app on a bad line
    /// that never saw the answer retries with the old one). After that, reuse counts as theft and
    /// revokes the whole grant.
    /// </summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.FromSeconds(30);
}
