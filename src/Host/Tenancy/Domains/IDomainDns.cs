namespace Saas.Host.Tenancy.Domains;

/// <summary>
/// The DNS questions domain verification asks. Injectable so tests (and air-gapped installs) answer
/// them without the internet; production asks the system's resolvers through DnsClient.
/// </summary>
internal interface IDomainDns
{
    /// <summary>The TXT strings published at <paramref name="name"/> (empty when there are none).</summary>
    Task<DnsAnswer<IReadOnlyList<string>>> TxtAsync(string name, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="host"/> has an address (A, AAAA, or a CNAME leading to one).</summary>
    Task<DnsAnswer<bool>> ResolvesAsync(string host, CancellationToken cancellationToken);
}

/// <summary>An answer, or why DNS could not give one (timeout, server failure): not the same as "no record".</summary>
internal sealed record DnsAnswer<T>(T? Value, string? Failure)
{
    public static DnsAnswer<T> Of(T value) => new(value, null);

    public static DnsAnswer<T> Failed(string why) => new(default, why);
}
