namespace Saas.Kernel.Media;

/// <summary>Limits for SVG uploads (coat of arms, logo).</summary>
public sealed class SvgSanitizerOptions
{
    /// <summary>Largest SVG in bytes; 512 KiB by default, generous for a detailed coat of arms.</summary>
    public int MaxBytes { get; set; } = 512 * 1024;

    /// <summary>
    /// Deepest element nesting; 100 by default (editors rarely go past 20). Our own pass does not
    /// recurse, but whatever reads the drawing later may: renderers that recurse per group can run out
    /// of stack, and LINQ to XML took 2.7 s for 20,000 levels that fit in 150 KB.
    /// </summary>
    public int MaxDepth { get; set; } = 100;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBytes, 16 * 1024 * 1024);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDepth);
    }
}
