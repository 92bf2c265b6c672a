using StackExchange.Redis;

namespace Saas.Host.Tenancy;

/// <summary>Tells every node that a town changed. Messages may be lost; the version sweep heals that.</summary>
internal interface ITenantChangeBus
{
    Task PublishAsync(Guid tenantId, long version);

    Task SubscribeAsync(Func<Guid, long, Task> onChange);
}

/// <summary>A single node: nothing to tell.</summary>
internal sealed class LocalTenantChangeBus : ITenantChangeBus
{
    public Task PublishAsync(Guid tenantId, long version) => Task.CompletedTask;

    public Task SubscribeAsync(Func<Guid, long, Task> onChange) => Task.CompletedTask;
}

/// <summary>Redis pub/sub on one channel; the payload is <c>{tenantId}:{version}</c>.</summary>
internal sealed class RedisTenantChangeBus(IConnectionMultiplexer redis, IConfiguration configuration, ILogger<RedisTenantChangeBus> logger) : ITenantChangeBus
{
    private readonly RedisChannel _channel = RedisChannel.Literal(configuration["Platform:ChangeChannel"] ?? "saas:tenants");

    public async Task PublishAsync(Guid tenantId, long version)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(_channel, $"{tenantId:N}:{version}");
        }
        catch (RedisException ex)
        {
            // The change is stored; other nodes pick it up with their next version sweep.
            logger.LogWarning(ex, "Could not publish change of tenant {TenantId}", tenantId);
        }
    }

    public async Task SubscribeAsync(Func<Guid, long, Task> onChange)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(_channel);
        queue.OnMessage(async message =>
        {
            var text = (string?)message.Message;
            var parts = text?.Split(':');
            if (parts is [var id, var version] && Guid.TryParseExact(id, "N", out var tenantId) && long.TryParse(version, out var v))
            {
                await onChange(tenantId, v);
            }
        });
    }
}
