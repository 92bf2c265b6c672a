using System.Globalization;
using Saas.Kernel.Localization;

namespace Saas.Kernel.Media;

/// <summary>
/// A refused upload: the stable <see cref="Error"/> code plus the numbers its message needs
/// (limits, actual size), so the caller can show it in the visitor's language.
/// </summary>
public sealed record MediaProblem(MediaError Error, IReadOnlyList<object> Arguments)
{
    public MediaProblem(MediaError error, params object[] arguments)
        : this(error, (IReadOnlyList<object>)arguments)
    {
    }

    /// <summary>
    /// The client's file name, cleaned for display (see <see cref="ClientFileName"/>), so a form with
    /// several uploads can say which one was refused. Never used to decide anything.
    /// </summary>
    public string? FileName { get; init; }

    /// <summary>The text key in the kernel's <c>strings.*.json</c>, e.g. <c>media.error.tooLarge</c>.</summary>
    public string MessageKey => "media.error." + char.ToLowerInvariant(Error.ToString()[0]) + Error.ToString()[1..];

    /// <summary>The message in the current UI culture, numbers formatted for the current culture (as <see cref="Texts.Format"/> does).</summary>
    public string ToMessage(Texts texts) => string.Format(CultureInfo.CurrentCulture, texts[MessageKey], [.. Arguments]);

    public string ToMessage(Texts texts, CultureInfo culture) =>
        string.Format(culture, texts.Get(MessageKey, culture), [.. Arguments]);
}
