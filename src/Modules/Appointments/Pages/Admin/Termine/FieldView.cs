namespace Saas.Modules.Appointments.Pages.Admin.Termine;

/// <summary>What the <c>_Field</c> partial needs to draw one form field.</summary>
internal sealed record FieldView(
    AppointmentsAdminPage Page, string Key, string Label, string? Value, string? Hint = null, string Type = "text", int MaxLength = 200, bool Required = false, bool Numeric = false, string? Name = null);
