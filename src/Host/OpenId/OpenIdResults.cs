using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Saas.Host.OpenId;

internal static class OpenIdResults
{
    /// <summary>An OAuth error answered by OpenIddict in the protocol's own way (redirect or JSON).</summary>
    public static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
