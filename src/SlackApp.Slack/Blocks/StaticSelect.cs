namespace SlackApp.Slack.Blocks;

/// <summary>A select menu over options defined in the element (either options or option groups).</summary>
public sealed record StaticSelect : SelectMenu
{
    /// <summary>Up to 100 options; not together with <see cref="OptionGroups"/>.</summary>
    public IReadOnlyList<Option>? Options { get; init; }

    /// <summary>Up to 100 labelled groups; not together with <see cref="Options"/>.</summary>
    public IReadOnlyList<OptionGroup>? OptionGroups { get; init; }

    /// <summary>Preselected; must be one of the options.</summary>
    public Option? InitialOption { get; init; }
}

/// <summary>A multi-select menu over options defined in the element.</summary>
public sealed record MultiStaticSelect : MultiSelectMenu
{
    /// <summary>Up to 100 options; not together with <see cref="OptionGroups"/>.</summary>
    public IReadOnlyList<Option>? Options { get; init; }

    /// <summary>Up to 100 labelled groups; not together with <see cref="Options"/>.</summary>
    public IReadOnlyList<OptionGroup>? OptionGroups { get; init; }

    /// <summary>Preselected; each must be one of the options.</summary>
    public IReadOnlyList<Option>? InitialOptions { get; init; }
}
