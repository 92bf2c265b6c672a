using DnsClient;

namespace Saas.Host.Tenancy.Domains;

/// <summary>Asks the resolvers configured on the machine, with short timeouts: a check must never hang a page.</summary>
internal sealed class SystemDomainDns : IDomainDns
{
    private readonly LookupClient client = new(new LookupClientOptions
    {
        Timeout = TimeSpan.FromSeconds(3),
        Retries = 1,
        UseCache = false, // a town that just published its record should not wait for our cache
        ThrowDnsErrors = false,
    });

    public async Task<DnsAnswer<IReadOnlyList<string>>> TxtAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.QueryAsync(name, QueryType.TXT, cancellationToken: cancellationToken);
            if (response.HasError && response.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
            {
                return DnsAnswer<IReadOnlyList<string>>.Failed(response.ErrorMessage);
            }
            // A TXT record may be split into several strings of at most 255 bytes; they form one value.
            return DnsAnswer<IReadOnlyList<string>>.Of([.. response.Answers.TxtRecords().Select(r => string.Concat(r.Text))]);
        }
        catch (DnsResponseException ex)
        {
            return DnsAnswer<IReadOnlyList<string>>.Failed(ex.Message);
        }
    }

    public async Task<DnsAnswer<bool>> ResolvesAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var type in new[] { QueryType.A, QueryType.AAAA })
            {
                var response = await client.QueryAsync(host, type, cancellationToken: cancellationToken);
                if (response.HasError && response.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
                {
                    return DnsAnswer<bool>.Failed(response.ErrorMessage);
                }
                if (response.Answers.ARecords().Any() || response.Answers.AaaaRecords().Any())
                {
                    return DnsAnswer<bool>.Of(true);
                }
            }
            return DnsAnswer<bool>.Of(false);
        }
        catch (DnsResponseException ex)
        {
            return DnsAnswer<bool>.Failed(ex.Message);
        }
    }
}
