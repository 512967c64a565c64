namespace SlackApp.Slack.Blocks;

/// <summary>The app's answer to a <c>block_suggestion</c> request: what an external select lists.</summary>
public sealed record OptionsResponse
{
    /// <summary>Up to 100 options (may be empty when nothing matches); not together with <see cref="OptionGroups"/>.</summary>
    public IReadOnlyList<Option>? Options { get; init; }

    /// <summary>Up to 100 labelled groups; not together with <see cref="Options"/>.</summary>
    public IReadOnlyList<OptionGroup>? OptionGroups { get; init; }
}
