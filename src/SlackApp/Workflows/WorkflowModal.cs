using System.Globalization;
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
    public const string DeliveryModeBlock = "delivery_mode";
    public const string DigestEveryBlock = "digest_every";
    public const string DailyAtBlock = "daily_at";
    public const string DuplicateWindowBlock = "duplicate_window";
    public const string DailyCapBlock = "daily_cap";
    public const string EscalateAfterBlock = "escalate_after";
    public const string EscalateToUserBlock = "escalate_to_user";
    public const string EscalateToChannelBlock = "escalate_to_channel";

    /// <summary>The actions block of the "Preview" button (<see cref="WorkflowActionIds.Preview"/>).</summary>
    public const string PreviewBlock = "preview";

    public const string DigestEveryOutOfBounds = "Between 5 minutes and 24 hours (5 to 1440 minutes).";
    public const string DigestEveryMissing = "Say how often the digest goes out: between 5 minutes and 24 hours (5 to 1440 minutes).";
    public const string DailyAtMissing = "Pick the time the daily digest goes out.";
    public const string DuplicateWindowOutOfBounds = "Between 0 (off) and 90 days.";
    public const string DailyCapOutOfBounds = "Between 1 and 500, or empty for no cap.";
    public const string EscalateAfterOutOfBounds = "Between 1 and 168 hours, or empty for no escalation.";
    public const string EscalateToMissing = "Choose a person or a channel to escalate to.";
    public const string EscalateAfterMissing = "Say after how many hours to escalate.";

    /// <summary>Each input's action_id is its block_id with this suffix.</summary>
    public const string ActionSuffix = ".value";

    private const string AnySeniority = "any";
    private const string EnabledValue = "enabled";
    private const string TimeFormat = "HH:mm";

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
        };
        blocks.AddRange(DeliveryInputs(workflow?.Delivery ?? WorkflowDelivery.Default));
        blocks.AddRange(
        [
            Input(FallbackChannelBlock, "Fallback channel", new ConversationsSelect
            {
                ActionId = FallbackChannelBlock + ActionSuffix,
                InitialConversation = workflow?.FallbackChannelId,
                Filter = ChannelFilter,
                Placeholder = Placeholder("The workspace default", workflow?.FallbackChannelId),
            }, optional: true, hint: "Where a role's DM goes when its person is not in Slack."),
            // After every delivery input, so a preview reflects the whole form; the button's handler reads the view state.
            new ActionsBlock([new Button(new PlainText("Preview")) { ActionId = WorkflowActionIds.Preview }]) { BlockId = PreviewBlock },
            Input(EnabledBlock, "State", new Checkboxes([enabledOption])
            {
                ActionId = EnabledBlock + ActionSuffix,
                InitialOptions = workflow is { Enabled: false } ? null : [enabledOption],
            }, optional: true),
        ]);

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
            Delivery = ReadDelivery(state).Delivery,
        };
    }

    /// <summary>
    /// The delivery inputs: the mode, then the settings of each mode, then those that apply to all. Block Kit cannot
    /// show an input only for one choice (short of rebuilding the view on every change), so every setting is always
    /// shown, pre-filled, and optional; the submission asks only for what the chosen mode needs.
    /// </summary>
    private static IEnumerable<Block> DeliveryInputs(WorkflowDelivery delivery)
    {
        var modeOptions = new List<Option>
        {
            Choice("Instant", DeliveryModeNames.Instant, "Each notification as its signal arrives."),
            Choice("Digest every…", DeliveryModeNames.Digest, "Collected, and sent together at the interval below."),
            Choice("Daily digest at…", DeliveryModeNames.DailyDigest, "Collected, and sent together once a day at the time below."),
        };
        var cap = delivery.DailyCap?.ToString(CultureInfo.InvariantCulture);
        yield return Input(DeliveryModeBlock, "Send", new RadioButtons(modeOptions)
        {
            ActionId = DeliveryModeBlock + ActionSuffix,
            InitialOption = modeOptions.Single(o => o.Value == DeliveryModeNames.Wire(delivery.Mode)),
        });

        // A number of minutes rather than a select of set intervals: the stored interval is any whole number of minutes
        // from 5 to 1440, and a select would have no option to show (and silently change) one that is not on its list;
        // Slack also enforces min and max in the form itself.
        yield return Input(DigestEveryBlock, "Digest every (minutes)", new NumberInput
        {
            ActionId = DigestEveryBlock + ActionSuffix,
            IsDecimalAllowed = false,
            MinValue = Minutes(WorkflowDelivery.MinDigestEvery),
            MaxValue = Minutes(WorkflowDelivery.MaxDigestEvery),
            InitialValue = Minutes(delivery.DigestEvery),
        }, optional: true, hint: "For \"Digest every…\": e.g. 60 for hourly, 1440 for once a day.");
        yield return Input(DailyAtBlock, "Daily digest at", new TimePicker
        {
            ActionId = DailyAtBlock + ActionSuffix,
            InitialTime = delivery.DailyAt.ToString(TimeFormat, CultureInfo.InvariantCulture),
        }, optional: true, hint: "For \"Daily digest at…\": in each person's own time zone; channels follow the workspace's.");
        yield return Input(DuplicateWindowBlock, "Skip repeats for (days)", new NumberInput
        {
            ActionId = DuplicateWindowBlock + ActionSuffix,
            IsDecimalAllowed = false,
            MinValue = "0",
            MaxValue = ((int)WorkflowDelivery.MaxDuplicateWindow.TotalDays).ToString(CultureInfo.InvariantCulture),
            InitialValue = ((int)(delivery.DuplicateWindow?.TotalDays ?? 0)).ToString(CultureInfo.InvariantCulture),
        }, optional: true, hint: "The same person at the same account is not sent to the same recipient again within this many days. 0 or empty: repeats allowed.");
        yield return Input(DailyCapBlock, "Daily cap per recipient", new NumberInput
        {
            ActionId = DailyCapBlock + ActionSuffix,
            IsDecimalAllowed = false,
            MinValue = "1",
            MaxValue = WorkflowDelivery.MaxDailyCap.ToString(CultureInfo.InvariantCulture),
            InitialValue = cap,
            Placeholder = Placeholder("No cap", cap),
        }, optional: true, hint: "At most this many notifications a day to each recipient; the rest wait for the next digest. Empty: no cap.");
        var after = delivery.EscalateAfterHours?.ToString(CultureInfo.InvariantCulture);
        yield return Input(EscalateAfterBlock, "Escalate after (hours)", new NumberInput
        {
            ActionId = EscalateAfterBlock + ActionSuffix,
            IsDecimalAllowed = false,
            MinValue = "1",
            MaxValue = WorkflowDelivery.MaxEscalateAfterHours.ToString(CultureInfo.InvariantCulture),
            InitialValue = after,
            Placeholder = Placeholder("No escalation", after),
        }, optional: true, hint: "When nobody acknowledges or claims a notification within this many hours, its thread is reminded and the person or channel below is told, once.");
        yield return Input(EscalateToUserBlock, "Escalate to a person", new UsersSelect
        {
            ActionId = EscalateToUserBlock + ActionSuffix,
            InitialUser = delivery.EscalateToUserId,
            Placeholder = Placeholder("Nobody", delivery.EscalateToUserId),
        }, optional: true);
        yield return Input(EscalateToChannelBlock, "Escalate to a channel", new ConversationsSelect
        {
            ActionId = EscalateToChannelBlock + ActionSuffix,
            InitialConversation = delivery.EscalateToChannelId,
            Filter = ChannelFilter,
            Placeholder = Placeholder("No channel", delivery.EscalateToChannelId),
        }, optional: true);
    }

    /// <summary>
    /// The delivery inputs read back (mirroring <see cref="DeliveryInputs"/>), with every problem keyed by its block_id.
    /// A refused value reads as its default, so <see cref="Read"/> still yields a usable draft (e.g. for a preview).
    /// Parsing and refusing are one step: a missing time or an unreadable number cannot be told apart once read.
    /// </summary>
    public static WorkflowDeliveryPick ReadDelivery(ViewState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var defaults = WorkflowDelivery.Default;
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var mode = DeliveryModeNames.TryParse(state.GetSelectedOption(DeliveryModeBlock, DeliveryModeBlock + ActionSuffix)?.Value, out var picked) ? picked : defaults.Mode;

        // The interval and the time matter only in their own mode, so only then are they required; a value that is
        // there is checked whatever the mode, as Slack itself would refuse it against min_value and max_value.
        var digestEvery = defaults.DigestEvery;
        switch (Number(state.GetText(DigestEveryBlock, DigestEveryBlock + ActionSuffix)))
        {
            case (true, _) when mode == DeliveryMode.Digest:
                problems[DigestEveryBlock] = DigestEveryMissing;
                break;
            // Compared as numbers first: a forged huge number would overflow a TimeSpan.
            case (false, { } minutes) when minutes >= (int)WorkflowDelivery.MinDigestEvery.TotalMinutes && minutes <= (int)WorkflowDelivery.MaxDigestEvery.TotalMinutes:
                digestEvery = TimeSpan.FromMinutes(minutes);
                break;
            case (false, _):
                problems[DigestEveryBlock] = DigestEveryOutOfBounds;
                break;
        }

        var dailyAt = state.GetTime(DailyAtBlock, DailyAtBlock + ActionSuffix);
        if (dailyAt is null && mode == DeliveryMode.DailyDigest)
        {
            problems[DailyAtBlock] = DailyAtMissing;
        }

        TimeSpan? duplicateWindow = defaults.DuplicateWindow;
        var duplicateWindowInput = state.Get(DuplicateWindowBlock, DuplicateWindowBlock + ActionSuffix);
        switch (Number(duplicateWindowInput?.Value))
        {
            // Empty is off only where the form had the field: one without it keeps the default week.
            case (true, _) when duplicateWindowInput is null:
                break;
            case (true, _) or (false, 0):
                duplicateWindow = null;
                break;
            case (false, { } days) when days > 0 && days <= (int)WorkflowDelivery.MaxDuplicateWindow.TotalDays:
                duplicateWindow = TimeSpan.FromDays(days);
                break;
            default:
                problems[DuplicateWindowBlock] = DuplicateWindowOutOfBounds;
                break;
        }

        int? dailyCap = null;
        switch (Number(state.GetText(DailyCapBlock, DailyCapBlock + ActionSuffix)))
        {
            case (true, _):
                break;
            case (false, { } count) when count is >= 1 and <= WorkflowDelivery.MaxDailyCap:
                dailyCap = count;
                break;
            default:
                problems[DailyCapBlock] = DailyCapOutOfBounds;
                break;
        }

        int? escalateAfter = null;
        switch (Number(state.GetText(EscalateAfterBlock, EscalateAfterBlock + ActionSuffix)))
        {
            case (true, _):
                break;
            case (false, { } hours) when hours is >= 1 and <= WorkflowDelivery.MaxEscalateAfterHours:
                escalateAfter = hours;
                break;
            default:
                problems[EscalateAfterBlock] = EscalateAfterOutOfBounds;
                break;
        }

        var escalateToUser = state.GetUser(EscalateToUserBlock, EscalateToUserBlock + ActionSuffix);
        var escalateToChannel = state.GetConversation(EscalateToChannelBlock, EscalateToChannelBlock + ActionSuffix);
        if (escalateAfter is not null && escalateToUser is null && escalateToChannel is null)
        {
            problems[EscalateToUserBlock] = EscalateToMissing;
        }
        else if (escalateAfter is null && (escalateToUser is not null || escalateToChannel is not null) && !problems.ContainsKey(EscalateAfterBlock))
        {
            problems[EscalateAfterBlock] = EscalateAfterMissing;
        }

        var delivery = new WorkflowDelivery
        {
            Mode = mode,
            DigestEvery = digestEvery,
            DailyAt = dailyAt ?? defaults.DailyAt,
            DuplicateWindow = duplicateWindow,
            DailyCap = dailyCap,
            EscalateAfterHours = escalateAfter,
            EscalateToUserId = escalateAfter is null ? null : escalateToUser,
            EscalateToChannelId = escalateAfter is null ? null : escalateToChannel,
        };
        return new WorkflowDeliveryPick(delivery, problems);
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

    private static Option Choice(string label, string value, string? description = null) =>
        new(new PlainText(label), value) { Description = description is null ? null : new PlainText(description) };

    private static string Minutes(TimeSpan span) => ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A number_input's text: (true, null) when empty; (false, n) for a whole number; (false, null) for anything else,
    /// which Slack's form would not send (decimals are not allowed) but a forged payload might.
    /// </summary>
    private static (bool Empty, int? Value) Number(string? text) =>
        string.IsNullOrWhiteSpace(text) ? (true, null)
        : int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? (false, number)
        : (false, null);

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

/// <summary>The delivery settings read from the workflow modal, and the problems to show keyed by block_id (empty when none).</summary>
public sealed record WorkflowDeliveryPick(WorkflowDelivery Delivery, IReadOnlyDictionary<string, string> Problems);
