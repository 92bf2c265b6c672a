using System.Buffers;
using System.Globalization;

namespace Saas.Host.Tenancy;

/// <summary>
/// Turns a Host header into the registry's key: lower case, no port, no trailing dot, IDN as
/// punycode. Returns null for anything that cannot be a DNS name, so garbage never reaches a lookup.
/// The common case (already lower-case ASCII) allocates nothing.
/// </summary>
internal static class HostNormalizer
{
    private const int MaxName = 253;
    private const int MaxLabel = 63;

    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    private static readonly SearchValues<char> Plain = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");

    public static string? Normalize(string? host)
    {
        if (string.IsNullOrEmpty(host) || host.Length > MaxName + 7)
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
            if (!IsPort(span[(colon + 1)..]))
            {
                return null;
            }
            span = span[..colon];
        }
        if (span.Length > 0 && span[^1] == '.')
        {
            span = span[..^1];
        }
        if (span.Length is 0 or > MaxName)
        {
            return null;
        }
        if (span.ContainsAnyExcept(Plain))
        {
            return NormalizeSlow(span.ToString());
        }
        if (!IsDnsName(span))
        {
            return null;
        }
        return span.Length == host.Length ? host : span.ToString();
    }

    private static string? NormalizeSlow(string host)
    {
        try
        {
            var ascii = Idn.GetAscii(host.ToLowerInvariant());
            return ascii.Length <= MaxName && !ascii.AsSpan().ContainsAnyExcept(Plain) && IsDnsName(ascii) ? ascii : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Labels of 1-63 characters that neither start nor end with '-' (RFC 1123).</summary>
    private static bool IsDnsName(ReadOnlySpan<char> name)
    {
        foreach (var range in name.Split('.'))
        {
            var label = name[range];
            if (label.Length is 0 or > MaxLabel || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsPort(ReadOnlySpan<char> port)
    {
        if (port.Length is 0 or > 5)
        {
            return false;
        }
        foreach (var c in port)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
