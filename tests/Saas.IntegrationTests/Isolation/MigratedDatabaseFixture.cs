using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Isolation;

/// <summary>A fresh database after the app started once against it, so every migration (and the role grant) ran.</summary>
public sealed class MigratedDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public PlatformFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("rls_meta");
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = Database });
        // Resolving the services starts the host, which migrates before it serves anything.
        _ = Factory.Services;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
