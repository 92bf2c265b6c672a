using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Saas.Modules.Jobs.Applications;

/// <summary>
/// Where application PDFs live: <c>{Jobs:ApplicationsPath}/{town id}/{application id}/{attachment id}.pdf</c>,
/// by default <c>{Platform:DataPath}/job-applications</c> under the content root, never under wwwroot. Every path is
/// built from ids only (no file name from the applicant), so nothing typed can point elsewhere, and the town's id
/// leads, so one town's directory can be removed or backed up on its own.
/// </summary>
internal sealed class AttachmentStore(IConfiguration configuration, IHostEnvironment environment)
{
    public string Root { get; } = Path.GetFullPath(Path.Combine(
        environment.ContentRootPath,
        configuration["Jobs:ApplicationsPath"] ?? Path.Combine(configuration["Platform:DataPath"] ?? "data", "job-applications")));

    public string FileOf(Guid town, Guid application, Guid attachment) =>
        Path.Combine(DirectoryOf(town, application), $"{attachment:N}.pdf");

    public string DirectoryOf(Guid town, Guid application) => Path.Combine(Root, town.ToString("N"), application.ToString("N"));

    public async Task WriteAsync(Guid town, Guid application, Guid attachment, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DirectoryOf(town, application));
        var path = FileOf(town, application, attachment);
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Removes an application's files; idempotent (a retry after a crash finds nothing left).</summary>
    public void Delete(Guid town, Guid application)
    {
        var directory = DirectoryOf(town, application);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
