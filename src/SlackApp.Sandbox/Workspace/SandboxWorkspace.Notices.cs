namespace SlackApp.Sandbox.Workspace;

// Notices: what a developer should see at once as a banner (the last 20 kept).
public sealed partial class SandboxWorkspace
{
    private const int KeptNotices = 20;

    private readonly List<SandboxNotice> _notices = [];

    public void Notice(string title, IReadOnlyList<string> details)
    {
        lock (_gate)
        {
            _notices.Add(new SandboxNotice(++_sequence, Now, title, details));
            if (_notices.Count > KeptNotices)
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
}
