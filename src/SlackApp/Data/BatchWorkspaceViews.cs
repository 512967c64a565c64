namespace SlackApp.Data;

/// <summary>
/// What a queue worker reads about each workspace, read once per claimed batch: the batch's rows of one workspace
/// share one read, and the next batch reads afresh (an uninstall or a settings change shows from the next batch on).
/// </summary>
public sealed class BatchWorkspaceViews<TView>(Func<string, CancellationToken, Task<TView>> read)
{
    private readonly Dictionary<string, TView> _views = new(StringComparer.Ordinal);

    /// <summary>The view of <paramref name="teamId"/>, read now if this batch has not read it yet. A failed read is not kept.</summary>
    public async Task<TView> GetAsync(string teamId, CancellationToken cancellationToken)
    {
        if (!_views.TryGetValue(teamId, out var view))
        {
            view = await read(teamId, cancellationToken);
            _views[teamId] = view;
        }

        return view;
    }
}
