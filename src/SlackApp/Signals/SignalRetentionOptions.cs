namespace SlackApp.Signals;

/// <summary>
/// How long stored signals are kept (<c>Signals:RetentionDays</c>) and how the purge runs. Signals are kept beyond
/// matching so a workflow's preview can replay the last <see cref="PreviewWindowDays"/> days.
/// </summary>
public sealed class SignalRetentionOptions
{
    public const string SectionName = "Signals";

    /// <summary>The days a workflow preview looks back: retention must cover them, plus a day of slack.</summary>
    public const int PreviewWindowDays = 30;

    public const int MinimumRetentionDays = PreviewWindowDays + 1;

    /// <summary>SQL Server takes at most 2,100 parameters in a statement; a batch's ids are parameters.</summary>
    public const int MaxBatchSize = 1000;

    /// <summary>Signals received longer ago than this many days are purged (unless still needed); at least 31.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the purge runs; the first run is one interval after start.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Signals deleted per statement, so a large backlog never holds a long lock.</summary>
    public int PurgeBatchSize { get; set; } = 500;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
