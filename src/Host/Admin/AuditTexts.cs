using Saas.Kernel.Localization;

namespace Saas.Host.Admin;

/// <summary>Audit action keys in words: <c>audit.{action}</c> when a text exists, else the key itself.</summary>
internal sealed class AuditTexts(Texts texts)
{
    public string Action(string action)
    {
        var key = $"audit.{action}";
        var text = texts[key];
        return text == key ? action : text;
    }
}
