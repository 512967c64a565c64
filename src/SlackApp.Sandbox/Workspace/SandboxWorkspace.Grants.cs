using System.Globalization;

namespace SlackApp.Sandbox.Workspace;

// What the workspace hands out with an interaction: trigger_ids and response_urls, and their limits.
public sealed partial class SandboxWorkspace
{
    private readonly Dictionary<string, SandboxTrigger> _triggers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxResponseUrl> _responseUrls = new(StringComparer.Ordinal);

    /// <summary>How long a <c>trigger_id</c> may be exchanged (<see cref="Hosting.SandboxOptions.TriggerLifetime"/>; Slack's is 3 s).</summary>
    public TimeSpan TriggerLifetime { get; }

    public string IssueTrigger(string userId, string? channelId = null, string? viewId = null)
    {
        lock (_gate)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{Now.ToUnixTimeMilliseconds()}.{++_sequence}.{RandomHex(16)}");
            _triggers[id] = new SandboxTrigger { Id = id, UserId = userId, ChannelId = channelId, ViewId = viewId, ExpiresAt = Now + TriggerLifetime };
            return id;
        }
    }

    /// <summary>Uses up a <c>trigger_id</c>: valid once, within <see cref="TriggerLifetime"/> of the interaction.</summary>
    public (TriggerExchange Outcome, SandboxTrigger? Trigger) ExchangeTrigger(string? triggerId)
    {
        lock (_gate)
        {
            if (triggerId is null || !_triggers.TryGetValue(triggerId, out var trigger))
            {
                return (TriggerExchange.Invalid, null);
            }

            if (trigger.Exchanged)
            {
                return (TriggerExchange.AlreadyExchanged, trigger);
            }

            if (Now > trigger.ExpiresAt)
            {
                return (TriggerExchange.Expired, trigger);
            }

            trigger.Exchanged = true;
            return (TriggerExchange.Exchanged, trigger);
        }
    }

    public SandboxResponseUrl IssueResponseUrl(string userId, string channelId, string? messageTs)
    {
        lock (_gate)
        {
            var grant = new SandboxResponseUrl { Id = RandomHex(24), UserId = userId, ChannelId = channelId, MessageTs = messageTs, ExpiresAt = Now + SandboxResponseUrl.Lifetime };
            _responseUrls[grant.Id] = grant;
            return grant;
        }
    }

    /// <summary>Counts one use of a response URL; null when it is unknown, expired or used up.</summary>
    public SandboxResponseUrl? UseResponseUrl(string id)
    {
        lock (_gate)
        {
            if (!_responseUrls.TryGetValue(id, out var grant) || Now > grant.ExpiresAt || grant.Uses >= SandboxResponseUrl.MaxUses)
            {
                return null;
            }

            grant.Uses++;
            return grant;
        }
    }
}
