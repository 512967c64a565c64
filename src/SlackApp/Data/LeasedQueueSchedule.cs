namespace SlackApp.Data;

/// <summary>How a <see cref="LeasedQueueWorker{TItem, TWorkspaceView, TPass}"/> takes its rows.</summary>
/// <param name="BatchSize">Rows claimed per round trip.</param>
/// <param name="LeaseDuration">How long a claimed row is reserved for this instance; after it, another may take it over.</param>
/// <param name="PollInterval">The longest sleep between passes, for rows nobody woke the worker for.</param>
public sealed record LeasedQueueSchedule(int BatchSize, TimeSpan LeaseDuration, TimeSpan PollInterval);
