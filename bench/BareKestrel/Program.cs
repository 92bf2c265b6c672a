// Usage: BARE_BODY=FILE dotnet BareKestrel.dll --urls http://127.0.0.1:PORT
// Serves FILE's bytes at "/" as HTML, nothing else: the upper bound for a cached page.
// (The file comes by environment variable: a path argument starting with '/' would be read as a switch.)
var file = Environment.GetEnvironmentVariable("BARE_BODY")
    ?? throw new ArgumentException("Set BARE_BODY to the file whose bytes to serve.");
var bytes = File.ReadAllBytes(file);

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
app.MapGet("/", () => Results.Bytes(bytes, "text/html; charset=utf-8"));
app.Run();
