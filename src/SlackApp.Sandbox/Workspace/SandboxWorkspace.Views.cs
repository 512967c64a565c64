using System.Globalization;
using System.Text.Json.Nodes;

namespace SlackApp.Sandbox.Workspace;

// The workspace's views: each member's stack of modals and Home tab.
public sealed partial class SandboxWorkspace
{
    /// <summary>The deepest stack of modals Slack allows.</summary>
    public const int MaxModalStack = 3;

    private readonly Dictionary<string, SandboxView> _views = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _modalStacks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _homes = new(StringComparer.Ordinal);

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
            Remember(view);
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
                Remember(existing);
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

    /// <summary>
    /// The blocks of <paramref name="view"/> as they were under <paramref name="hash"/>: what the person clicked saw,
    /// even when the app has republished the view since. The current blocks when no hash is named or it is no longer kept.
    /// </summary>
    public JsonArray? BlocksSeen(SandboxView view, string? hash)
    {
        ArgumentNullException.ThrowIfNull(view);
        lock (_gate)
        {
            var earlier = hash is null || hash == view.Hash ? -1 : view.EarlierBlocks.FindIndex(e => e.Hash == hash);
            return earlier >= 0 ? view.EarlierBlocks[earlier].Blocks : view.Definition["blocks"] as JsonArray;
        }
    }

    /// <summary>A fresh view hash, as Slack makes them (<c>1583638467.cd05659d</c>).</summary>
    public string NewHash() => string.Create(CultureInfo.InvariantCulture, $"{Now.ToUnixTimeSeconds()}.{RandomHex(8)}");

    // Under the lock, before a view's content changes: keeps its blocks for clicks made on them (a few versions).
    private static void Remember(SandboxView view)
    {
        view.EarlierBlocks.Add((view.Hash, view.Definition["blocks"] as JsonArray));
        if (view.EarlierBlocks.Count > KeptRevisions)
        {
            view.EarlierBlocks.RemoveAt(0);
        }
    }

    private SandboxView NewView(string userId, JsonObject definition, string? channelId)
    {
        var view = new SandboxView { Id = "V0" + RandomHex(10).ToUpperInvariant(), UserId = userId, Definition = definition, Hash = NewHash(), ChannelId = channelId };
        _views[view.Id] = view;
        return view;
    }
}
