using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;

namespace SlackApp.Workflows;

/// <summary>The create/edit modal: its blocks (pre-filled when editing) and how a submission reads back into a draft.</summary>
public static class WorkflowModal
{
    public const string CallbackId = "workflow.save";

    public const string NameBlock = "name";
    public const string SignalTypesBlock = "signal_types";
    public const string SeniorityBlock = "min_seniority";
    public const string StatusesBlock = "account_statuses";
    public const string DepartmentsBlock = "departments";
    public const string TitleKeywordsBlock = "title_keywords";
    public const string RelationshipsBlock = "relationships";
    public const string ChannelsBlock = "channels";
    public const string RolesBlock = "roles";
    public const string UsersBlock = "users";
    public const string FallbackChannelBlock = "fallback_channel";
    public const string EnabledBlock = "enabled";

    /// <summary>Each input's action_id is its block_id with this suffix.</summary>
    public const string ActionSuffix = ".value";

    private const string AnySeniority = "any";
    private const string EnabledValue = "enabled";

    /// <summary>The most characters of the comma-separated departments and title keywords.</summary>
    public const int MaxListLength = 1000;

    /// <summary>
    /// The modal for <paramref name="workflow"/>, or an empty one for a new workflow whose channel picker starts on
    /// <paramref name="origin"/>, the channel it was asked for in (where the "saved" answer also goes).
    /// </summary>
    public static ModalView Build(Workflow? workflow, WorkflowOrigin? origin = null)
    {
        var filters = workflow?.Filters ?? new WorkflowFilters();
        var recipients = workflow?.Recipients ?? new WorkflowRecipients();
        var typeOptions = Enum.GetValues<SignalType>().Select(t => Choice(SignalNames.Label(t), SignalNames.Wire(t))).ToList();
        var seniorityOptions = new List<Option> { Choice("Any seniority", AnySeniority) };
        seniorityOptions.AddRange(Enum.GetValues<Seniority>().Select(s => Choice(s == Seniority.CLevel ? "C-level" : $"{SignalNames.Label(s)}+", SignalNames.Wire(s))));
        var statusOptions = Enum.GetValues<AccountStatus>().Select(s => Choice(SignalNames.Label(s), SignalNames.Wire(s))).ToList();
        var relationshipOptions = Enum.GetValues<PersonRelationship>().Select(r => Choice(SignalNames.Label(r), SignalNames.Wire(r))).ToList();
        var roleOptions = Enum.GetValues<AccountRole>().Select(r => Choice($"DM the {SignalNames.Label(r)}", SignalNames.Wire(r))).ToList();
        var enabledOption = Choice("Enabled: notify as signals arrive", EnabledValue);
        var types = Initial(typeOptions, workflow?.SignalTypes.Select(SignalNames.Wire));
        var statuses = Initial(statusOptions, filters.AccountStatuses.Select(SignalNames.Wire));
        var relationships = Initial(relationshipOptions, filters.Relationships.Select(SignalNames.Wire));
        // A new workflow posts, by default, where it was asked for; an edited one keeps its own channels.
        IReadOnlyList<string>? channels = workflow is null ? (origin is null ? null : [origin.Id]) : NullIfEmpty(recipients.ChannelIds);
        var users = NullIfEmpty(recipients.UserIds);

        // Slack shows a placeholder beside pre-selected values, so a field that starts filled has none.
        var blocks = new List<Block>
        {
            Input(NameBlock, "Name", new PlainTextInput
            {
                ActionId = NameBlock + ActionSuffix,
                InitialValue = workflow?.Name,
                MaxLength = Workflow.MaxNameLength,
                Placeholder = Placeholder("e.g. Execs joining Closed Lost accounts", workflow?.Name),
            }),
            Header("Trigger"),
            Input(SignalTypesBlock, "When", new MultiStaticSelect
            {
                ActionId = SignalTypesBlock + ActionSuffix,
                Options = typeOptions,
                InitialOptions = types,
                Placeholder = Placeholder("Signal types", types),
            }, hint: "One or more signal types trigger the workflow."),
            Header("Filters"),
            Input(SeniorityBlock, "Minimum seniority", new StaticSelect
            {
                ActionId = SeniorityBlock + ActionSuffix,
                Options = seniorityOptions,
                InitialOption = seniorityOptions.FirstOrDefault(o => o.Value == (filters.MinimumSeniority is { } s ? SignalNames.Wire(s) : AnySeniority)),
            }, optional: true),
            Input(StatusesBlock, "Account status", new MultiStaticSelect
            {
                ActionId = StatusesBlock + ActionSuffix,
                Options = statusOptions,
                InitialOptions = statuses,
                Placeholder = Placeholder("Any status", statuses),
            }, optional: true),
            Input(DepartmentsBlock, "Departments", new PlainTextInput
            {
                ActionId = DepartmentsBlock + ActionSuffix,
                InitialValue = Join(filters.Departments),
                MaxLength = MaxListLength,
                Placeholder = Placeholder("e.g. Sales, Marketing", Join(filters.Departments)),
            }, optional: true, hint: "Comma-separated; any department when empty."),
            Input(TitleKeywordsBlock, "Title keywords", new PlainTextInput
            {
                ActionId = TitleKeywordsBlock + ActionSuffix,
                InitialValue = Join(filters.TitleKeywords),
                MaxLength = MaxListLength,
                Placeholder = Placeholder("e.g. VP, Head of", Join(filters.TitleKeywords)),
            }, optional: true, hint: "Comma-separated; a whole word or phrase of the title, any title when empty."),
            Input(RelationshipsBlock, "Known before as", new MultiStaticSelect
            {
                ActionId = RelationshipsBlock + ActionSuffix,
                Options = relationshipOptions,
                InitialOptions = relationships,
                Placeholder = Placeholder("Any relationship", relationships),
            }, optional: true, hint: "Mostly for job changes: how the person was known at their previous company."),
            Header("Recipients"),
            Input(ChannelsBlock, "Post to channels", new MultiConversationsSelect
            {
                ActionId = ChannelsBlock + ActionSuffix,
                InitialConversations = channels,
                Filter = ChannelFilter,
                Placeholder = Placeholder("Public or private channels", channels),
            }, optional: true, hint: "Archived channels are refused on save. For a private channel, invite the app first."),
            Input(RolesBlock, "DM account roles", new Checkboxes(roleOptions)
            {
                ActionId = RolesBlock + ActionSuffix,
                InitialOptions = Initial(roleOptions, recipients.Roles.Select(SignalNames.Wire)),
            }, optional: true, hint: "Found in Slack by their email when a signal arrives."),
            Input(UsersBlock, "DM specific people", new MultiUsersSelect
            {
                ActionId = UsersBlock + ActionSuffix,
                InitialUsers = users,
                Placeholder = Placeholder("People", users),
            }, optional: true),
            Header("Delivery"),
            Input(FallbackChannelBlock, "Fallback channel", new ConversationsSelect
            {
                ActionId = FallbackChannelBlock + ActionSuffix,
                InitialConversation = workflow?.FallbackChannelId,
                Filter = ChannelFilter,
                Placeholder = Placeholder("The workspace default", workflow?.FallbackChannelId),
            }, optional: true, hint: "Where a role's DM goes when its person is not in Slack."),
            Input(EnabledBlock, "State", new Checkboxes([enabledOption])
            {
                ActionId = EnabledBlock + ActionSuffix,
                InitialOptions = workflow is { Enabled: false } ? null : [enabledOption],
            }, optional: true),
        };

        return new ModalView(new PlainText(workflow is null ? "New workflow" : "Edit workflow"))
        {
            CallbackId = CallbackId,
            PrivateMetadata = new WorkflowModalMetadata(workflow?.Id, workflow?.Version, origin?.Id, origin?.Name).Serialize(),
            Submit = new PlainText("Save"),
            Close = new PlainText("Cancel"),
            Blocks = blocks,
        };
    }

    /// <summary>
    /// Public and private channels only, no channel shared with another organisation, no bot DMs. Block Kit's
    /// conversation filter has no <c>exclude_archived</c>: Slack leaves archived channels out of its pickers, and
    /// the submission re-checks every chosen channel with <c>conversations.info</c> and refuses archived ones.
    /// </summary>
    public static ConversationFilter ChannelFilter { get; } = new()
    {
        Include = [ConversationType.Public, ConversationType.Private],
        ExcludeExternalSharedChannels = true,
        ExcludeBotUsers = true,
    };

    /// <summary>The submitted values, as a draft (not yet validated) of a workflow in the submitting workspace.</summary>
    public static Workflow Read(ViewState state, string teamId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new Workflow
        {
            TeamId = teamId,
            Name = (state.GetText(NameBlock, NameBlock + ActionSuffix) ?? string.Empty).Trim(),
            Enabled = state.GetSelectedOptions(EnabledBlock, EnabledBlock + ActionSuffix).Any(o => o.Value == EnabledValue),
            SignalTypes = Parse<SignalType>(state.GetSelectedOptions(SignalTypesBlock, SignalTypesBlock + ActionSuffix), SignalNames.TryParse),
            Filters = new WorkflowFilters
            {
                MinimumSeniority = SignalNames.TryParse(state.GetSelectedOption(SeniorityBlock, SeniorityBlock + ActionSuffix)?.Value, out Seniority s) ? s : null,
                AccountStatuses = Parse<AccountStatus>(state.GetSelectedOptions(StatusesBlock, StatusesBlock + ActionSuffix), SignalNames.TryParse),
                Departments = SplitList(state.GetText(DepartmentsBlock, DepartmentsBlock + ActionSuffix)),
                Relationships = Parse<PersonRelationship>(state.GetSelectedOptions(RelationshipsBlock, RelationshipsBlock + ActionSuffix), SignalNames.TryParse),
                TitleKeywords = SplitList(state.GetText(TitleKeywordsBlock, TitleKeywordsBlock + ActionSuffix)),
            },
            Recipients = new WorkflowRecipients
            {
                ChannelIds = state.GetConversations(ChannelsBlock, ChannelsBlock + ActionSuffix).Distinct(StringComparer.Ordinal).ToList(),
                Roles = Parse<AccountRole>(state.GetSelectedOptions(RolesBlock, RolesBlock + ActionSuffix), SignalNames.TryParse),
                UserIds = state.GetUsers(UsersBlock, UsersBlock + ActionSuffix).Distinct(StringComparer.Ordinal).ToList(),
            },
            FallbackChannelId = state.GetConversation(FallbackChannelBlock, FallbackChannelBlock + ActionSuffix),
        };
    }

    /// <summary>"Sales, Marketing" as its trimmed, distinct, non-empty parts.</summary>
    public static IReadOnlyList<string> SplitList(string? text) =>
        (text ?? string.Empty).Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private delegate bool TryParser<T>(string? wire, out T value);

    private static List<T> Parse<T>(IEnumerable<Option> options, TryParser<T> parse) =>
        options.Select(o => parse(o.Value, out var value) ? (true, value) : (false, default!)).Where(p => p.Item1).Select(p => p.Item2).Distinct().ToList();

    private static InputBlock Input(string blockId, string label, BlockElement element, bool optional = false, string? hint = null) =>
        new(new PlainText(label), element)
        {
            BlockId = blockId,
            Optional = optional ? true : null,
            Hint = hint is null ? null : new PlainText(hint),
        };

    private static HeaderBlock Header(string text) => new(new PlainText(text));

    private static PlainText? Placeholder(string text, object? initial) =>
        initial is null || initial is string { Length: 0 } ? new PlainText(text) : null;

    private static Option Choice(string label, string value) => new(new PlainText(label), value);

    // Slack wants initial options to be the very option objects of the element, and no empty lists.
    private static List<Option>? Initial(IReadOnlyList<Option> options, IEnumerable<string>? values)
    {
        var wanted = values?.ToHashSet(StringComparer.Ordinal) ?? [];
        var initial = options.Where(o => wanted.Contains(o.Value)).ToList();
        return initial.Count == 0 ? null : initial;
    }

    private static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string> values) => values.Count == 0 ? null : values;

    private static string? Join(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join(", ", values);
}
