using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Saas.Kernel.Localization;
using Saas.Kernel.Privacy;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Accounts.Privacy;

/// <summary>
/// A resident's copy of everything the town holds about them (GDPR Art. 15 and 20): a ZIP archive
/// with <c>account.json</c> from the core, one <c>{name}.json</c> per module that stores personal
/// data (<see cref="IPersonalDataContributor"/>), and a <c>README.txt</c> explaining the files.
/// </summary>
internal sealed partial class PersonalDataExport(IEnumerable<IPersonalDataContributor> contributors, ITenantContext tenant, Texts texts, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<byte[]> CreateAsync(Account account, CancellationToken cancellationToken)
    {
        var town = tenant.Current ?? throw new InvalidOperationException("An export belongs to a town.");
        var subject = new PersonalDataSubject(account.Id, account.Email);
        var files = new List<(string Name, byte[] Content)>
        {
            ("account.json", JsonSerializer.SerializeToUtf8Bytes(AccountData.From(account, town.FullName), Json)),
        };
        foreach (var contributor in Ordered(contributors))
        {
            if (await contributor.ExportAsync(subject, cancellationToken) is { } data)
            {
                files.Add(($"{contributor.Name}.json", JsonSerializer.SerializeToUtf8Bytes(data, Json)));
            }
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var now = clock.GetUtcNow();
            Add(zip, "README.txt", Encoding.UTF8.GetBytes(ReadMe(town, files.Select(f => f.Name).ToList(), now)), now);
            foreach (var (name, content) in files)
            {
                Add(zip, name, content, now);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The download's file name, e.g. <c>meine-daten-bad-belzig-2026-11-23.zip</c>.</summary>
    public string FileName() =>
        $"meine-daten-{tenant.Current?.Slug}-{clock.GetUtcNow():yyyy-MM-dd}.zip";

    /// <summary>Contributors by name; a name that is not a plain file name stem, or used twice, is a programming error.</summary>
    internal static IReadOnlyList<IPersonalDataContributor> Ordered(IEnumerable<IPersonalDataContributor> contributors)
    {
        var list = contributors.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        foreach (var contributor in list)
        {
            if (!FileStem().IsMatch(contributor.Name) || contributor.Name is "account" or "readme")
            {
                throw new InvalidOperationException($"'{contributor.Name}' ({contributor.GetType().Name}) is no usable export file name.");
            }
        }
        if (list.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Two personal data contributors are called '{twice.Key}'.");
        }
        return list;
    }

    private string ReadMe(TenantSnapshot town, IReadOnlyList<string> files, DateTimeOffset now)
    {
        var text = new StringBuilder();
        foreach (var language in new[] { Texts.German, Texts.English })
        {
            var culture = CultureInfo.GetCultureInfo(language);
            text.AppendLine(string.Format(culture, texts.Get("privacy.readme.intro", culture), town.FullName, now.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)));
            text.AppendLine();
            foreach (var file in files)
            {
                var key = $"privacy.file.{Path.GetFileNameWithoutExtension(file)}";
                var description = texts.Get(key, culture);
                text.Append("- ").Append(file).Append(": ").AppendLine(description == key ? texts.Get("privacy.file.other", culture) : description);
            }
            text.AppendLine();
            text.AppendLine(texts.Get("privacy.readme.format", culture));
            text.AppendLine();
            text.AppendLine(string.Format(culture, texts.Get("privacy.readme.contact", culture), town.Contact.Authority, town.Contact.Email ?? town.Contact.Phone ?? ""));
            text.AppendLine();
            text.AppendLine("----------------------------------------------------------------------");
            text.AppendLine();
        }
        return text.ToString().ReplaceLineEndings("\r\n");
    }

    private static void Add(ZipArchive zip, string name, byte[] content, DateTimeOffset at)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = at;
        using var stream = entry.Open();
        stream.Write(content);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex FileStem();
}
