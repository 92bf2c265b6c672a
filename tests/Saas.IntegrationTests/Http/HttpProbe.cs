using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Http;

/// <summary>What a raw request through the test server answered.</summary>
public sealed record RawResponse(int Status, IHeaderDictionary Headers, string Body);

/// <summary>Request helpers shared by the HTTP tests.</summary>
public static class HttpProbe
{
    /// <summary>
    /// Sends a request with an arbitrary Host value straight into the pipeline. HttpClient refuses
    /// many of the hosts worth testing (non-ASCII, "a..b", "[::1]" without a port, 300 characters),
    /// so these go through the test server's HttpContext API, which the middleware sees the same way.
    /// </summary>
    public static async Task<RawResponse> SendRawAsync(
        WebApplicationFactory<Program> factory, string host, string pathAndQuery, string method = "GET", Action<HttpContext>? configure = null)
    {
        var queryAt = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString(host);
            c.Request.Path = queryAt < 0 ? pathAndQuery : pathAndQuery[..queryAt];
            c.Request.QueryString = queryAt < 0 ? QueryString.Empty : new QueryString(pathAndQuery[queryAt..]);
            configure?.Invoke(c);
        });
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        return new RawResponse(context.Response.StatusCode, context.Response.Headers, await reader.ReadToEndAsync());
    }

    /// <summary>Asserts an RFC 9457 problem details answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }

    /// <summary>
    /// A real HTTP client for a factory started on Kestrel: it connects to the server's loopback
    /// port whatever the URL's host is, so <c>{slug}.localhost</c> needs no DNS.
    /// </summary>
    public static HttpClient KestrelClient(PlatformFactory factory, string host)
    {
        var port = KestrelPort(factory);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"http://{host}:{port}/") };
    }

    private static int KestrelPort(PlatformFactory factory)
    {
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The factory is not running on Kestrel.");
        return new Uri(addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
    }

    /// <summary>Polls <paramref name="probe"/> until it holds or <paramref name="timeout"/> passes; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> probe, TimeSpan timeout, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe())
            {
                return true;
            }
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(20));
        }
    }
}
