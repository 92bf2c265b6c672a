namespace Saas.Kernel.Media;

/// <summary>
/// A re-encoded upload: only decoded pixels went into <see cref="Content"/>, so no metadata, comment,
/// appended archive or script from the original survives. Type and extension come from the content,
/// never from the client's file name.
/// </summary>
public sealed record SanitizedImage(byte[] Content, string ContentType, string Extension, int Width, int Height);
