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

    /// <summary>
    /// The lower-case Unicode form of a punycode host, if IDNA maps that form back to exactly this host
    /// (so the registry can answer a Unicode Host header, and pages can show the name as people write it).
    /// </summary>
    public static string? UnicodeForm(string host)
    {
        try
        {
            var form = Idn.GetUnicode(host).ToLowerInvariant();
            return Normalize(form) == host ? form : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Longest Host header worth looking at: a 253-character name plus ":65535" and a trailing dot.</summary>
    public const int MaxRawLength = MaxName + 7;

    /// <summary>
    /// <see cref="Normalize"/> without allocating, for the request path: writes the normalized
    /// host into <paramref name="destination"/> (at least <see cref="MaxRawLength"/> long) and
    /// returns its length, or 0 when the header cannot be a host. ASCII in any case is handled
    /// here; for a header with non-ASCII characters it returns -1, with the port and trailing dot
    /// stripped and the rest lower-cased by invariant rules (what <see cref="Normalize"/> hands
    /// to IDNA) in <paramref name="destination"/>, its length in <paramref name="unicodeLength"/>.
    /// For ASCII the result equals <see cref="Normalize"/>'s, except that an upper-case name
    /// IDNA would refuse (an invalid xn-- label, "--" in positions 3-4) is kept like its
    /// lower-case spelling always was: no registered host has such a shape.
    /// </summary>
    public static int NormalizeAscii(ReadOnlySpan<char> host, Span<char> destination, out int unicodeLength)
    {
        unicodeLength = 0;
        if (host.IsEmpty || host.Length > MaxRawLength || host[0] == '[')
        {
            return 0;
        }
        var colon = host.LastIndexOf(':');
        if (colon >= 0)
        {
            if (!IsPort(host[(colon + 1)..]))
            {
                return 0;
            }
            host = host[..colon];
        }
        if (host.Length > 0 && host[^1] == '.')
        {
            host = host[..^1];
        }
        if (host.Length is 0 or > MaxName)
        {
            return 0;
        }
        for (var i = 0; i < host.Length; i++)
        {
            var c = host[i];
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.')
            {
                destination[i] = c;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                destination[i] = (char)(c | 0x20);
            }
            else if (c < 0x80)
            {
                return 0; // ASCII no host name contains (space, '_', '/', ...): IDNA (STD3) refuses it too
            }
            else
            {
                unicodeLength = host.ToLowerInvariant(destination);
                return -1;
            }
        }
        return IsDnsName(destination[..host.Length]) ? host.Length : 0;
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
