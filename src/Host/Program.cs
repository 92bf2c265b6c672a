using Saas.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform(ModuleCatalog.All);

var app = builder.Build();
await app.InitializeAsync(ModuleCatalog.All);
app.UsePlatform(ModuleCatalog.All);
await app.RunAsync();

/// <summary>Entry point, visible to the test hosts (WebApplicationFactory).</summary>
public partial class Program;
