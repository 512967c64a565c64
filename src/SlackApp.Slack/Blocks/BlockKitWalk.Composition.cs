namespace SlackApp.Slack.Blocks;

internal sealed partial class BlockKitWalk
{
    private void OptionalConfirm(string path, ConfirmationDialog? confirm)
    {
        if (confirm is null)
        {
            return;
        }

        Text($"{path}.title", confirm.Title, BlockKitLimits.ConfirmTitle, plainOnly: true);
        Text($"{path}.text", confirm.Text, BlockKitLimits.ConfirmText, plainOnly: false);
        Text($"{path}.confirm", confirm.Confirm, BlockKitLimits.ConfirmButton, plainOnly: true);
        Text($"{path}.deny", confirm.Deny, BlockKitLimits.ConfirmButton, plainOnly: true);
        Style($"{path}.style", confirm.Style);
    }

    private void Options(string path, IReadOnlyList<Option>? options, int min, int max, bool plainOnly, bool allowUrl)
    {
        Count(path, options, min, max, "option");
        for (var i = 0; i < (options?.Count ?? 0); i++)
        {
            Option($"{path}[{i}]", options![i], plainOnly, allowUrl);
        }
    }

    private void Option(string path, Option? option, bool plainOnly, bool allowUrl)
    {
        if (option is null)
        {
            Add(path, "is required");
            return;
        }

        // Selects and overflow menus take plain_text options; checkboxes and radio buttons also mrkdwn.
        Text($"{path}.text", option.Text, BlockKitLimits.OptionText, plainOnly);
        if (option.Value is null)
        {
            Add($"{path}.value", "is required");
        }

        MaxLength($"{path}.value", option.Value, BlockKitLimits.OptionValue);
        OptionalText($"{path}.description", option.Description, BlockKitLimits.OptionDescription, plainOnly: true);
        if (option.Url is not null && !allowUrl)
        {
            Add($"{path}.url", "is only allowed in overflow menu options");
        }

        MaxLength($"{path}.url", option.Url, BlockKitLimits.OptionUrl);
    }

    private void StaticOptions(string path, IReadOnlyList<Option>? options, IReadOnlyList<OptionGroup>? groups)
    {
        if (options is not null && groups is not null)
        {
            Add(path, "options and option_groups cannot both be set");
        }
        else if (options is null && groups is null)
        {
            Add(path, "needs options or option_groups");
        }

        if (options is not null)
        {
            Options($"{path}.options", options, 1, BlockKitLimits.SelectOptions, plainOnly: true, allowUrl: false);
        }

        if (groups is null)
        {
            return;
        }

        Count($"{path}.option_groups", groups, 1, BlockKitLimits.SelectOptionGroups, "option group");
        for (var i = 0; i < groups.Count; i++)
        {
            var groupPath = $"{path}.option_groups[{i}]";
            if (groups[i] is not { } group)
            {
                Add(groupPath, "is required");
                continue;
            }

            Text($"{groupPath}.label", group.Label, BlockKitLimits.OptionGroupLabel, plainOnly: true);
            Options($"{groupPath}.options", group.Options, 1, BlockKitLimits.OptionGroupOptions, plainOnly: true, allowUrl: false);
        }
    }

    /// <summary>An options load response: like a static select, except that an empty list is a valid answer.</summary>
    public void SuggestedOptions(string path, IReadOnlyList<Option>? options, IReadOnlyList<OptionGroup>? groups)
    {
        if (options is not null && groups is not null)
        {
            Add(path, "options and option_groups cannot both be set");
        }

        if (options is not null)
        {
            Options($"{path}.options", options, 0, BlockKitLimits.SelectOptions, plainOnly: true, allowUrl: false);
        }

        if (groups is not null)
        {
            StaticOptions(path, null, groups);
        }
    }

    /// <summary>Initial options must exactly match options of the element (Slack compares the whole object).</summary>
    private void InitialOptions(
        string path,
        IReadOnlyList<Option>? initial,
        IReadOnlyList<Option>? options,
        IReadOnlyList<OptionGroup>? groups,
        bool singular)
    {
        if (initial is null)
        {
            return;
        }

        var known = (options ?? []).Concat((groups ?? []).SelectMany(group => group?.Options ?? [])).ToHashSet();
        for (var i = 0; i < initial.Count; i++)
        {
            if (!known.Contains(initial[i]))
            {
                Add(singular ? path : $"{path}[{i}]", "must exactly match one of the element's options");
            }
        }
    }
}
