namespace Saas.Host.Pages.Konto;

/// <summary>
/// One labelled input of an account form, rendered by <c>_Field.cshtml</c> with its hint and its
/// error (from the page's ModelState under <see cref="Name"/>), both tied to the input by
/// <c>aria-describedby</c>. Password fields never echo what was typed.
/// </summary>
internal sealed record FormField(string Name, string Label, string Type = "text")
{
    public string? Value { get; init; }
    public string? Autocomplete { get; init; }
    public string? Hint { get; init; }
    public bool Required { get; init; } = true;
    public int? MaxLength { get; init; }

    /// <summary>The element id: <c>Form.Email</c> becomes <c>form-email</c> (the error summary links to it).</summary>
    public string Id => IdFor(Name);

    public static string IdFor(string name) => name.Replace('.', '-').ToLowerInvariant();
}

/// <summary>Limits of the account forms, checked on the server (the browser's maxlength is a courtesy).</summary>
internal static class FormLimits
{
    public const int Name = 100;
    public const int Email = 254;
    public const int Phone = 40;

    /// <summary>Long passphrases are welcome; the cap only keeps a megabyte "password" from costing a hash.</summary>
    public const int Password = 256;
}
