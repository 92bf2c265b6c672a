namespace Saas.Kernel.Media;

/// <summary>
/// Many editors (Inkscape, older Illustrator, Wikimedia Commons files) write
/// <c>&lt;!DOCTYPE svg PUBLIC "…" "…svg11.dtd"&gt;</c>. Such a declaration only names a DTD, which we
/// never fetch, so it is blanked out and the file parsed with DTDs prohibited. A declaration with
/// an internal subset (<c>[ &lt;!ENTITY … &gt; ]</c>) is where entity bombs and external entities live:
/// that file is refused.
/// </summary>
internal static class SvgDoctype
{
    public enum Outcome
    {
        None,
        Blanked,
        HasInternalSubset,
    }

    /// <summary>Blanks the first DOCTYPE in <paramref name="bytes"/> (in place) unless it has an internal subset.</summary>
    public static Outcome Remove(Span<byte> bytes)
    {
        var start = bytes.IndexOf("<!DOCTYPE"u8);
        if (start < 0)
        {
            return Outcome.None;
        }
        var declaration = bytes[start..];
        var end = declaration.IndexOf((byte)'>');
        // A '[' before the closing '>' opens an internal subset. A '>' or '[' inside a quoted system
        // id ends or flags the match early: what is left over then fails to parse, which refuses the file.
        if (end < 0 || declaration[..end].Contains((byte)'['))
        {
            return Outcome.HasInternalSubset;
        }
        declaration[..(end + 1)].Fill((byte)' ');
        return Outcome.Blanked;
    }
}
