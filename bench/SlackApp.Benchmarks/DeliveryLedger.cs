using System.Diagnostics;

namespace SlackApp.Benchmarks;

/// <summary>
/// What the fake Slack saw of one delivery run: each message it posted, by the app's delivery id (from the message
/// metadata) and by the signal's person numbers (from its text and blocks: a digest carries many), and each 429 it
/// answered, by the limit that refused.
/// </summary>
internal sealed class DeliveryLedger(int expected)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, int> _byDeliveryId = [];
    private readonly Dictionary<int, int> _byPerson = [];
    private long _lastPostedAt;

    public int Expected => expected;

    /// <summary>Completes when every expected person has been posted about once.</summary>
    public TaskCompletionSource AllPosted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Posted { get; private set; }

    public int ChannelRefusals { get; private set; }

    public int WorkspaceRefusals { get; private set; }

    public int OtherMessages { get; private set; }

    public void Refused(SlackLimit limit)
    {
        lock (_lock)
        {
            if (limit == SlackLimit.Channel)
            {
                ChannelRefusals++;
            }
            else
            {
                WorkspaceRefusals++;
            }
        }
    }

    public void Post(long? deliveryId, IReadOnlyCollection<int> persons)
    {
        lock (_lock)
        {
            Posted++;
            _lastPostedAt = Stopwatch.GetTimestamp();
            if (deliveryId is { } id)
            {
                _byDeliveryId[id] = _byDeliveryId.GetValueOrDefault(id) + 1;
            }

            if (persons.Count == 0)
            {
                OtherMessages++;
                return;
            }

            foreach (var number in persons)
            {
                _byPerson[number] = _byPerson.GetValueOrDefault(number) + 1;
            }

            if (_byPerson.Count >= expected)
            {
                AllPosted.TrySetResult();
            }
        }
    }

    /// <summary>The figures so far: distinct signals delivered, messages posted more than once, and when the last one came.</summary>
    public DeliveryTally Tally()
    {
        lock (_lock)
        {
            var twiceById = _byDeliveryId.Values.Sum(n => n - 1);
            var twiceByPerson = _byPerson.Values.Sum(n => n - 1);
            return new DeliveryTally(_byPerson.Count, Math.Max(twiceById, twiceByPerson), ChannelRefusals + WorkspaceRefusals, ChannelRefusals, _lastPostedAt, OtherMessages);
        }
    }
}

/// <summary>A snapshot of <see cref="DeliveryLedger"/>.</summary>
internal sealed record DeliveryTally(int Delivered, int SentTwice, int TooManyRequests, int ChannelRefusals, long LastPostedAt, int OtherMessages);
