using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Saas.Kernel.Localization;

namespace Saas.Host.Pages.Konto;

/// <summary>
/// The checks the account forms share, with German and English messages (DataAnnotations would
/// answer in English only). Each adds its error under the field's name.
/// </summary>
internal static class AccountForm
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    /// <summary>The trimmed address, or null after adding an error.</summary>
    public static string? Email(ModelStateDictionary state, Texts texts, string field, string? value)
    {
        var email = value?.Trim() ?? "";
        if (email.Length == 0)
        {
            state.AddModelError(field, texts["konto.error.email.required"]);
            return null;
        }
        if (email.Length > FormLimits.Email || !EmailFormat.IsValid(email) || email.Any(char.IsWhiteSpace) || !email.Contains('.', StringComparison.Ordinal))
        {
            state.AddModelError(field, texts["konto.error.email.format"]);
            return null;
        }
        return email;
    }

    /// <summary>A display name: trimmed, one line, no control characters.</summary>
    public static string? Name(ModelStateDictionary state, Texts texts, string field, string? value)
    {
        var name = string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (name.Length == 0)
        {
            state.AddModelError(field, texts["konto.error.name.required"]);
            return null;
        }
        if (name.Length > FormLimits.Name || name.Any(char.IsControl))
        {
            state.AddModelError(field, texts.Format("konto.error.name.length", FormLimits.Name));
            return null;
        }
        return name;
    }

    /// <summary>A new password within the length the form allows (the rules themselves are Identity's validators).</summary>
    public static string? NewPassword(ModelStateDictionary state, Texts texts, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            state.AddModelError(field, texts["konto.error.password.required"]);
            return null;
        }
        if (value.Length > FormLimits.Password)
        {
            state.AddModelError(field, texts.Format("konto.error.password.long", FormLimits.Password));
            return null;
        }
        return value;
    }

    /// <summary>Identity's errors (password rules, e-mail format) under one field, each in the resident's language.</summary>
    public static void Add(ModelStateDictionary state, string field, IEnumerable<IdentityError> errors)
    {
        foreach (var error in errors)
        {
            state.AddModelError(field, error.Description);
        }
    }
}
