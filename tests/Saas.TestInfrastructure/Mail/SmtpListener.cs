using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Saas.TestInfrastructure.Mail;

/// <summary>
/// A real SMTP server on 127.0.0.1 with a port the OS picks: the product's MailKit sender talks
/// to it over TCP exactly as to a production relay, and tests read what arrived, parsed by MimeKit.
/// It speaks the part of RFC 5321 a submitting client needs (EHLO/HELO, MAIL, RCPT, DATA with
/// dot-unstuffing, RSET, NOOP, QUIT; 8BITMIME and SMTPUTF8) and accepts every recipient.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    /// <summary>How long <see cref="WaitForMessageAsync(Func{MimeMessage, bool})"/> waits by default; generous for a 2-core CI machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, bool> _sessions = new();
    private readonly Lock _gate = new();
    private readonly List<ReceivedMail> _received = [];
    private readonly List<string> _errors = [];
    private readonly List<(Func<MimeMessage, bool> Match, TaskCompletionSource<MimeMessage> Found)> _waiters = [];
    private readonly Task _accepting;

    private SmtpListener()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_stop.Token);
    }

    /// <summary>Starts listening at once; dispose to stop.</summary>
    public static SmtpListener Start() => new();

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Every message received so far, in order of arrival.</summary>
    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _received.Select(r => r.Message)];
            }
        }
    }

    /// <summary>Every message with its SMTP envelope (MAIL FROM, RCPT TO), in order of arrival.</summary>
    public IReadOnlyList<ReceivedMail> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The first message (received before or after the call) that <paramref name="match"/> accepts.</summary>
    /// <exception cref="TimeoutException">None arrived in time; the message lists what did arrive.</exception>
    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var waiter = (match, new TaskCompletionSource<MimeMessage>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            foreach (var received in _received)
            {
                if (match(received.Message))
                {
                    return received.Message;
                }
            }
            _waiters.Add(waiter);
        }
        try
        {
            return await waiter.Item2.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No matching mail arrived within {timeout}. {Summary()}");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    public Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> match) => WaitForMessageAsync(match, DefaultTimeout);

    /// <summary>The first message addressed (To header) to <paramref name="address"/>.</summary>
    public Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan? timeout = null) =>
        WaitForMessageAsync(
            m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)),
            timeout ?? DefaultTimeout);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }
        await Task.WhenAll(_sessions.Keys);
        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(stop);
            var session = ServeAsync(client, stop);
            _sessions.TryAdd(session, true);
            _ = session.ContinueWith(t => _sessions.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        // A client that stalls must not keep a test (or DisposeAsync) waiting forever.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            using (client)
            {
                await using var stream = client.GetStream();
                await new SmtpSession(stream, Deliver, RecordError).RunAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
        {
            if (!stop.IsCancellationRequested)
            {
                RecordError($"connection ended: {ex.GetType().Name}: {ex.Message}");
            }
        }
        catch (Exception ex)
        {
            RecordError($"session failed: {ex}");
        }
    }

    private void Deliver(ReceivedMail mail)
    {
        lock (_gate)
        {
            _received.Add(mail);
            foreach (var (match, found) in _waiters)
            {
                try
                {
                    if (match(mail.Message))
                    {
                        found.TrySetResult(mail.Message);
                    }
                }
                catch (Exception ex)
                {
                    found.TrySetException(ex);
                }
            }
        }
    }

    private void RecordError(string error)
    {
        lock (_gate)
        {
            _errors.Add(error);
        }
    }

    private string Summary()
    {
        lock (_gate)
        {
            var mails = _received.Count == 0
                ? "No mail was received"
                : "Received: " + string.Join("; ", _received.Select(r => $"to {string.Join(", ", r.Recipients)} \"{r.Message.Subject}\""));
            return _errors.Count == 0 ? mails + "." : $"{mails}. Errors: {string.Join("; ", _errors)}";
        }
    }
}

/// <summary>A message as the listener received it: the SMTP envelope and the parsed message.</summary>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> Recipients, MimeMessage Message);
