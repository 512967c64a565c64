using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SlackApp.Sandbox.Hosting;

namespace SlackApp.Sandbox.Workspace;

/// <summary>
/// The state of the sandbox workspace: members, conversations, messages, views, and the trigger ids and response URLs
/// handed out. One lock guards it; every change bumps <see cref="Version"/> so the page can wait for the next one.
/// </summary>
public sealed class SandboxWorkspace
{
    /// <summary>The deepest stack of modals Slack allows.</summary>
    public const int MaxModalStack = 3;

    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, SandboxMember> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxChannel> _channels = new(StringComparer.Ordinal);
    private readonly List<SandboxMessage> _messages = [];
    private readonly Dictionary<string, SandboxView> _views = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _modalStacks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _homes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxTrigger> _triggers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxResponseUrl> _responseUrls = new(StringComparer.Ordinal);
    private readonly List<SandboxNotice> _notices = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;
    private long _sequence;

    public SandboxWorkspace(TimeProvider clock, IOptions<SandboxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        TriggerLifetime = options.Value.TriggerLifetime;
        foreach (var member in SandboxSeed.Members)
        {
            _members[member.Id] = member;
        }

        foreach (var channel in SandboxSeed.Channels())
        {
            _channels[channel.Id] = channel;
        }
    }

    public string TeamId => SandboxIdentity.TeamId;

    /// <summary>How long a <c>trigger_id</c> may be exchanged (<see cref="SandboxOptions.TriggerLifetime"/>; Slack's is 3 s).</summary>
    public TimeSpan TriggerLifetime { get; }

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    // ---- members -------------------------------------------------------------------------------------------------

    public IReadOnlyList<SandboxMember> Members
    {
        get
        {
            lock (_gate)
            {
                return [.. _members.Values];
            }
        }
    }

    public SandboxMember? Member(string? id)
    {
        lock (_gate)
        {
            return id is not null && _members.TryGetValue(id, out var member) ? member : null;
        }
    }

    public SandboxMember? MemberByEmail(string? email)
    {
        lock (_gate)
        {
            return _members.Values.FirstOrDefault(m => !m.IsBot && string.Equals(m.Email, email?.Trim(), StringComparison.OrdinalIgnoreCase));
        }
    }

    // ---- conversations -------------------------------------------------------------------------------------------

    /// <summary>A conversation by id, or by name (<c>#ae-alerts</c> or <c>ae-alerts</c>) as Slack still accepts.</summary>
    public SandboxChannel? Channel(string? idOrName)
    {
        if (string.IsNullOrWhiteSpace(idOrName))
        {
            return null;
        }

        lock (_gate)
        {
            if (_channels.TryGetValue(idOrName, out var channel))
            {
                return channel;
            }

            var name = idOrName.TrimStart('#');
            return _channels.Values.FirstOrDefault(c => c.Name == name);
        }
    }

    public IReadOnlyList<SandboxChannel> Channels
    {
        get
        {
            lock (_gate)
            {
                return [.. _channels.Values];
            }
        }
    }

    /// <summary>The app's DM with <paramref name="userId"/>, opened on first use.</summary>
    public SandboxChannel DirectMessage(string userId)
    {
        lock (_gate)
        {
            var id = SandboxSeed.DirectMessageId(userId);
            if (!_channels.TryGetValue(id, out var channel))
            {
                channel = new SandboxChannel { Id = id, DirectMessageUser = userId, Members = [userId, SandboxIdentity.BotUserId] };
                _channels[id] = channel;
            }

            return channel;
        }
    }

    // ---- messages ------------------------------------------------------------------------------------------------

    public SandboxMessage Post(string channelId, string userId, string text, JsonArray? blocks, string? visibleTo = null, string? threadTs = null, JsonObject? metadata = null)
    {
        lock (_gate)
        {
            var message = new SandboxMessage
            {
                Ts = NextTs(),
                ChannelId = channelId,
                UserId = userId,
                BotId = userId == SandboxIdentity.BotUserId ? SandboxIdentity.BotId : null,
                Text = text,
                Blocks = blocks,
                VisibleTo = visibleTo,
                ThreadTs = threadTs,
                Metadata = metadata,
            };
            _messages.Add(message);
            Changed();
            return message;
        }
    }

    public SandboxMessage? Message(string channelId, string ts)
    {
        lock (_gate)
        {
            return _messages.FirstOrDefault(m => m.ChannelId == channelId && m.Ts == ts);
        }
    }

    public void Replace(SandboxMessage message, string text, JsonArray? blocks)
    {
        lock (_gate)
        {
            message.Text = text;
            message.Blocks = blocks;
            message.Edited = true;
            Changed();
        }
    }

    public void Delete(SandboxMessage message)
    {
        lock (_gate)
        {
            _messages.Remove(message);
            Changed();
        }
    }

    /// <summary>The messages of a conversation that <paramref name="viewer"/> sees, oldest first.</summary>
    public IReadOnlyList<SandboxMessage> MessagesIn(string channelId, string viewer)
    {
        lock (_gate)
        {
            return [.. _messages.Where(m => m.ChannelId == channelId && (m.VisibleTo is null || m.VisibleTo == viewer))];
        }
    }

    // ---- trigger ids and response URLs ----------------------------------------------------------------------------

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

    // ---- views ---------------------------------------------------------------------------------------------------

    public SandboxView? View(string? id)
    {
        lock (_gate)
        {
            return id is not null && _views.TryGetValue(id, out var view) ? view : null;
        }
    }

    public SandboxView? ViewByExternalId(string? externalId)
    {
        lock (_gate)
        {
            return string.IsNullOrEmpty(externalId) ? null : _views.Values.FirstOrDefault(v => v.ExternalId == externalId);
        }
    }

    /// <summary>The modals open for <paramref name="userId"/>, bottom first.</summary>
    public IReadOnlyList<SandboxView> ModalStack(string userId)
    {
        lock (_gate)
        {
            return _modalStacks.TryGetValue(userId, out var stack) ? [.. stack.Select(id => _views[id])] : [];
        }
    }

    public SandboxView? Home(string userId)
    {
        lock (_gate)
        {
            return _homes.TryGetValue(userId, out var id) ? _views[id] : null;
        }
    }

    /// <summary>Opens a modal as the only view of the member's stack, replacing whatever was open.</summary>
    public SandboxView OpenModal(string userId, JsonObject definition, string? channelId)
    {
        lock (_gate)
        {
            var view = NewView(userId, definition, channelId);
            view.RootViewId = view.Id;
            _modalStacks[userId] = [view.Id];
            Changed();
            return view;
        }
    }

    /// <summary>Pushes a modal on the member's stack; null when the stack is full.</summary>
    public SandboxView? PushModal(string userId, JsonObject definition)
    {
        lock (_gate)
        {
            var stack = _modalStacks.TryGetValue(userId, out var existing) ? existing : _modalStacks[userId] = [];
            if (stack.Count >= MaxModalStack)
            {
                return null;
            }

            var previous = stack.Count > 0 ? _views[stack[^1]] : null;
            var view = NewView(userId, definition, previous?.ChannelId);
            view.RootViewId = previous?.RootViewId ?? view.Id;
            view.PreviousViewId = previous?.Id;
            stack.Add(view.Id);
            Changed();
            return view;
        }
    }

    /// <summary>Replaces a view's content in place: same id, a new hash, errors cleared.</summary>
    public void UpdateView(SandboxView view, JsonObject definition)
    {
        lock (_gate)
        {
            view.Definition = definition;
            view.Hash = NewHash();
            view.Errors.Clear();
            Changed();
        }
    }

    public SandboxView PublishHome(string userId, JsonObject definition)
    {
        lock (_gate)
        {
            if (_homes.TryGetValue(userId, out var id))
            {
                var existing = _views[id];
                existing.Definition = definition;
                existing.Hash = NewHash();
                Changed();
                return existing;
            }

            var view = NewView(userId, definition, SandboxSeed.DirectMessageId(userId));
            view.RootViewId = view.Id;
            _homes[userId] = view.Id;
            Changed();
            return view;
        }
    }

    public void SetErrors(SandboxView view, IReadOnlyDictionary<string, string> errors)
    {
        lock (_gate)
        {
            view.Errors.Clear();
            foreach (var (blockId, error) in errors)
            {
                view.Errors[blockId] = error;
            }

            Changed();
        }
    }

    /// <summary>Closes the top modal of the member's stack (the one below shows again).</summary>
    public void PopModal(string userId)
    {
        lock (_gate)
        {
            if (_modalStacks.TryGetValue(userId, out var stack) && stack.Count > 0)
            {
                _views.Remove(stack[^1]);
                stack.RemoveAt(stack.Count - 1);
                Changed();
            }
        }
    }

    /// <summary>Closes every modal of the member's stack.</summary>
    public void ClearModals(string userId)
    {
        lock (_gate)
        {
            if (_modalStacks.Remove(userId, out var stack))
            {
                foreach (var id in stack)
                {
                    _views.Remove(id);
                }

                Changed();
            }
        }
    }

    // ---- notices and change signalling ----------------------------------------------------------------------------

    public void Notice(string title, IReadOnlyList<string> details)
    {
        lock (_gate)
        {
            _notices.Add(new SandboxNotice(++_sequence, Now, title, details));
            if (_notices.Count > 20)
            {
                _notices.RemoveAt(0);
            }

            Changed();
        }
    }

    public IReadOnlyList<SandboxNotice> Notices
    {
        get
        {
            lock (_gate)
            {
                return [.. _notices];
            }
        }
    }

    public void DismissNotice(long id)
    {
        lock (_gate)
        {
            if (_notices.RemoveAll(n => n.Id == id) > 0)
            {
                Changed();
            }
        }
    }

    /// <summary>Completes when <see cref="Version"/> moves past <paramref name="seen"/>, or when <paramref name="cancellationToken"/> fires.</summary>
    public Task WhenChangedSinceAsync(long seen, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (_version != seen)
            {
                return Task.CompletedTask;
            }

            changed = _changed.Task;
        }

        return changed.WaitAsync(cancellationToken);
    }

    /// <summary>A fresh view hash, as Slack makes them (<c>1583638467.cd05659d</c>).</summary>
    public string NewHash() => string.Create(CultureInfo.InvariantCulture, $"{Now.ToUnixTimeSeconds()}.{RandomHex(8)}");

    private SandboxView NewView(string userId, JsonObject definition, string? channelId)
    {
        var view = new SandboxView { Id = "V0" + RandomHex(10).ToUpperInvariant(), UserId = userId, Definition = definition, Hash = NewHash(), ChannelId = channelId };
        _views[view.Id] = view;
        return view;
    }

    // Slack's ts: Unix seconds and a sequence, unique and increasing within a conversation.
    private string NextTs() => string.Create(CultureInfo.InvariantCulture, $"{Now.ToUnixTimeSeconds()}.{++_sequence:D6}");

    private void Changed()
    {
        _version++;
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private static string RandomHex(int length) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((length + 1) / 2))[..length];
}
