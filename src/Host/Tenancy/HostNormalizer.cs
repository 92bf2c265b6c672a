using System.Globalization;

namespace Saas.Host.Tenancy;

/// <summary>
/// Turns a Host header into the registry's key: lower case, no port, no trailing dot, IDN as
/// punycode. Returns null for anything that cannot be a DNS name, so garbage never reaches a lookup.
/// The common case (already lower-case ASCII) allocates nothing.
/// </summary>
internal static class HostNormalizer
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    public static string? Normalize(string? host)
    {
        if (string.IsNullOrEmpty(host) || host.Length > 253 + 7)
        {
            return null;
        }
        var span = host.AsSpan();
        if (span[0] == '[')
        {
            return null; // IPv6 literal: no town lives there
        }
        var colon = span.LastIndexOf(':');
        if (colon >= 0)
        {
            span = span[..colon];
        }
        if (span.Length > 0 && span[^1] == '.')
        {
            span = span[..^1];
        }
        if (span.Length is 0 or > 253)
        {
            return null;
        }
        var plain = true;
        foreach (var c in span)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.')
            {
                continue;
            }
            plain = false;
            break;
        }
        if (plain)
        {
            return span.Length == host.Length ? host : span.ToString();
        }
        return NormalizeSlow(span.ToString());
    }

    private static string? NormalizeSlow(string host)
    {
        try
        {
            var ascii = Idn.GetAscii(host.ToLowerInvariant());
            foreach (var c in ascii)
            {
                if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
                {
                    return null;
                }
            }
            return ascii;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
