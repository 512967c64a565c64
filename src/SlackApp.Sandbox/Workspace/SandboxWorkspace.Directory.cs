using SlackApp.Sandbox.Hosting;

namespace SlackApp.Sandbox.Workspace;

// The workspace's directory: its members and conversations, and the app's DMs.
public sealed partial class SandboxWorkspace
{
    private readonly Dictionary<string, SandboxMember> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxChannel> _channels = new(StringComparer.Ordinal);

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

    /// <summary>The app's bot user: the author of its messages, in the conversations it was added to.</summary>
    public SandboxMember Bot => Member(SandboxIdentity.BotUserId)!;

    private void Seed(string appName, IEnumerable<SandboxChannel> extraChannels)
    {
        foreach (var member in SandboxSeed.Members.Append(SandboxSeed.Bot(appName)))
        {
            _members[member.Id] = member;
        }

        foreach (var channel in SandboxSeed.Channels().Concat(extraChannels))
        {
            // Each workspace its own copy: a channel's members change as the workspace does.
            _channels[channel.Id] = new SandboxChannel
            {
                Id = channel.Id,
                Name = channel.Name,
                IsPrivate = channel.IsPrivate,
                IsArchived = channel.IsArchived,
                IsGeneral = channel.IsGeneral,
                DirectMessageUser = channel.DirectMessageUser,
                Members = [.. channel.Members],
                Created = channel.Created,
            };
        }
    }
}
