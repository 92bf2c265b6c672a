using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.WebEncoders;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Saas.Host.Accounts;
using Saas.Host.Admin;
using Saas.Host.Accounts.Residents;
using Saas.Host.Jobs;
using Saas.Host.OpenId;
using Saas.Host.Platform;
using Saas.Host.Recipes;
using Saas.Host.Support;
using Saas.Host.Tenancy;
using Saas.Host.TownHall;
using Saas.Host.Web;
using Saas.Kernel.Content;
using Saas.Kernel.Data;
using Saas.Kernel.Localization;
using Saas.Kernel.Media;
using Saas.Kernel.Modules;
using Saas.Kernel.Tenancy;
using StackExchange.Redis;

namespace Saas.Host;

/// <summary>Everything the host registers, once for all towns (there are no per-town containers).</summary>
internal static class PlatformServices
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var database = DatabaseOptions.FromConfiguration(configuration, builder.Environment.ContentRootPath);
        var redisConnection = configuration.GetConnectionString("Redis");

        services.Configure<PlatformOptions>(configuration.GetSection("Platform"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton<ITenantContext, AmbientTenantContext>();
        services.AddSingleton(new ThemeCatalog(ContentPaths.Find(configuration["Platform:ThemesPath"], builder.Environment.ContentRootPath, "themes")));
        services.AddSingleton(new Texts(modules.Select(m => m.Assembly).Append(typeof(PlatformServices).Assembly).Append(typeof(Texts).Assembly)));
        services.AddSingleton<MarkdownRenderer>();
        Mail.MailSetup.AddPlatformMail(services, configuration, builder.Environment);

        // Tenancy
        services.AddDbContextFactory<RegistryDbContext>((provider, options) => database.Configure(options, provider));
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<RegistryStore>();
        services.AddSingleton<RegistryRefresher>();
        services.AddSingleton<TenantAdministration>();
        services.AddSingleton<Tenancy.Domains.IDomainDns, Tenancy.Domains.SystemDomainDns>();
        services.AddSingleton<Tenancy.Domains.DomainClaims>();
        services.AddTransient<Tenancy.Domains.DomainVerificationJob>();
        services.AddSingleton<NeutralPages>();

        // Self-service signup (control plane, like the registry)
        services.AddDbContextFactory<Signup.SignupDbContext>((provider, options) => database.Configure(options, provider));
        services.AddSingleton<Signup.SignupValidator>();
        services.AddScoped<Signup.SignupService>();
        services.AddScoped<Signup.SignupProvisioner>();
        services.AddSingleton<TenantSync>();
        services.AddHostedService(provider => provider.GetRequiredService<TenantSync>());
        services.AddSingleton<MatcherPolicy, SiteEndpointPolicy>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<RecipeReader>();
        services.AddSingleton<RecipeSeeder>();
        services.AddTenantDbContext<TownHallDbContext>();
        services.AddScoped<SiteChrome>();
        services.AddScoped<IPublicPages, PublicPagesChanges>();
        services.AddAccounts(configuration);
        services.AddOpenId(configuration, builder.Environment);
        services.AddMediaSanitizers();
        services.AddTownAdmin(modules);
        services.AddResidentAccounts();
        services.AddHttpContextAccessor();

        // Redis: change propagation, Data Protection keys, readiness. Without it: one node, in memory.
        var dataProtection = services.AddDataProtection().SetApplicationName("rathausplatz");
        var health = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        if (!string.IsNullOrWhiteSpace(redisConnection))
        {
            var multiplexer = ConnectionMultiplexer.Connect(redisConnection);
            services.AddSingleton<IConnectionMultiplexer>(multiplexer);
            services.AddSingleton<ITenantChangeBus, RedisTenantChangeBus>();
            dataProtection.PersistKeysToStackExchangeRedis(multiplexer, "saas:dataprotection-keys");
            health.AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }
        else
        {
            services.AddSingleton<ITenantChangeBus, LocalTenantChangeBus>();
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.Environment.ContentRootPath, configuration["Platform:DataPath"] ?? "data", "keys")));
            }
        }

        // Jobs: Hangfire, in memory by default, on PostgreSQL when the deployment has it.
        services.AddHangfire((provider, config) =>
        {
            config.UseLogProvider(new DisposalSafeLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(provider.GetRequiredService<ILoggerFactory>())));
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.Postgres)
            {
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.MigrationConnectionString));
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        services.AddTransient<TenantJobDispatcher>();
        services.AddTransient<TenantJobRunner>();

        // Behind Caddy: trust X-Forwarded-For/Proto only from the proxy networks named in configuration.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One list ("a, b") or indexed entries (ForwardedHeaders__KnownNetworks__0, as infra/compose.yaml sets it).
            var section = configuration.GetSection("ForwardedHeaders:KnownNetworks");
            foreach (var network in section.GetChildren().Select(c => c.Value).Append(section.Value)
                .SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // Web. Razor escapes every non-ASCII letter by default (&#xFC; for ü), which bloats German
        // pages and breaks text search in them; markup characters are escaped either way.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            options.Conventions.AddFolderApplicationModelConvention("/Platform", m => m.EndpointMetadata.Add(new SiteAttribute(Site.Platform)));
            options.Conventions.Add(new ModuleFeatureConvention(modules));
        });
        services.AddTownPageCache();
        services.AddTownRateLimiting();
        services.AddProblemDetails();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Rathausplatz town API";
            document.Info.Description = "Public API of a town's portal. Call it on the town's own host; every answer is about that town only.";
            return Task.CompletedTask;
        }));
        services.AddRequestLocalization(options =>
        {
            // German unless the resident chose English (cookie or ?culture=): the browser's
            // language alone does not switch a German town's portal.
            options.SetDefaultCulture(Texts.German);
            options.SupportedCultures = [new(Texts.German), new(Texts.English)];
            options.SupportedUICultures = [new(Texts.German), new(Texts.English)];
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);

        // Telemetry: metrics always collected; traces only when an OTLP endpoint takes them, since
        // an unexported trace still costs every request its listener and tags. Log lines carry trace
        // and span ids either way: the host starts an activity per request while logging is on.
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("rathausplatz"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()).UseOtlpExporter();
        }
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        }

        // After the logging set-up: it brings a logger provider (recent errors per town), which ClearProviders would drop.
        services.AddSupport(configuration);

        foreach (var module in modules)
        {
            services.AddSingleton(module);
            module.AddServices(services, configuration);
            foreach (var job in module.Jobs)
            {
                services.AddScoped(job.Handler);
            }
        }
        return builder;
    }
}

/// <summary>Gates every Razor page of a module by the module's feature key.</summary>
internal sealed class ModuleFeatureConvention(IReadOnlyList<IModule> modules) : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var module = modules.FirstOrDefault(m => m.Assembly == model.HandlerType.Assembly || m.Assembly == model.PageType.Assembly);
        if (module is not null)
        {
            model.EndpointMetadata.Add(new RequiresFeatureAttribute(module.FeatureKey));
        }
    }
}
