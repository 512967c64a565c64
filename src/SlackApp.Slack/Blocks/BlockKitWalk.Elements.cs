namespace SlackApp.Slack.Blocks;

internal sealed partial class BlockKitWalk
{
    private void Element(string path, BlockElement? element, ElementHost host)
    {
        if (element is null)
        {
            Add(path, "is required");
            return;
        }

        AllowedIn(path, element, host);
        if (element is InteractiveElement interactive)
        {
            MaxLength($"{path}.action_id", interactive.ActionId, BlockKitLimits.ActionId);
        }

        if (element is SelectMenu menu)
        {
            SelectMenu(path, menu);
        }

        switch (element)
        {
            case Button button:
                ButtonElement(path, button);
                break;
            case StaticSelect select:
                StaticOptions(path, select.Options, select.OptionGroups);
                InitialOptions($"{path}.initial_option", select.InitialOption is null ? null : [select.InitialOption], select.Options, select.OptionGroups, singular: true);
                break;
            case MultiStaticSelect select:
                StaticOptions(path, select.Options, select.OptionGroups);
                InitialOptions($"{path}.initial_options", select.InitialOptions, select.Options, select.OptionGroups, singular: false);
                break;
            case ExternalSelect select when select.InitialOption is not null:
                Option($"{path}.initial_option", select.InitialOption, plainOnly: true, allowUrl: false);
                break;
            case MultiExternalSelect { InitialOptions: { } initialOptions }:
                for (var i = 0; i < initialOptions.Count; i++)
                {
                    Option($"{path}.initial_options[{i}]", initialOptions[i], plainOnly: true, allowUrl: false);
                }

                break;
            case ConversationsSelect select:
                Filter($"{path}.filter", select.Filter);
                break;
            case MultiConversationsSelect select:
                Filter($"{path}.filter", select.Filter);
                break;
            case OverflowMenu overflow:
                Options($"{path}.options", overflow.Options, 1, BlockKitLimits.OverflowOptions, plainOnly: true, allowUrl: true);
                OptionalConfirm($"{path}.confirm", overflow.Confirm);
                break;
            case Checkboxes checkboxes:
                Options($"{path}.options", checkboxes.Options, 1, BlockKitLimits.CheckboxOptions, plainOnly: false, allowUrl: false);
                InitialOptions($"{path}.initial_options", checkboxes.InitialOptions, checkboxes.Options, null, singular: false);
                OptionalConfirm($"{path}.confirm", checkboxes.Confirm);
                FocusOnLoad(path, checkboxes.FocusOnLoad);
                break;
            case RadioButtons radios:
                Options($"{path}.options", radios.Options, 1, BlockKitLimits.RadioOptions, plainOnly: false, allowUrl: false);
                InitialOptions($"{path}.initial_option", radios.InitialOption is null ? null : [radios.InitialOption], radios.Options, null, singular: true);
                OptionalConfirm($"{path}.confirm", radios.Confirm);
                FocusOnLoad(path, radios.FocusOnLoad);
                break;
            case DatePicker picker:
                OptionalText($"{path}.placeholder", picker.Placeholder, BlockKitLimits.Placeholder, plainOnly: true);
                OptionalConfirm($"{path}.confirm", picker.Confirm);
                FocusOnLoad(path, picker.FocusOnLoad);
                break;
            case TimePicker picker:
                OptionalText($"{path}.placeholder", picker.Placeholder, BlockKitLimits.Placeholder, plainOnly: true);
                OptionalConfirm($"{path}.confirm", picker.Confirm);
                FocusOnLoad(path, picker.FocusOnLoad);
                if (picker.InitialTime is { } time && !TimeOnly.TryParseExact(time, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
                {
                    Add($"{path}.initial_time", "must be HH:mm (24-hour)");
                }

                break;
            case NumberInput number:
                NumberField(path, number);
                break;
            case PlainTextInput input:
                TextInput(path, input);
                break;
            case ImageElement image:
                RequiredString($"{path}.image_url", image.ImageUrl, BlockKitLimits.ImageUrl);
                RequiredString($"{path}.alt_text", image.AltText, BlockKitLimits.ImageAltText);
                break;
        }
    }

    private void AllowedIn(string path, BlockElement element, ElementHost host)
    {
        // Per block reference pages: which elements each block accepts.
        var allowed = host switch
        {
            ElementHost.Input => element is not (Button or OverflowMenu or ImageElement),
            ElementHost.Actions => element is not (ImageElement or PlainTextInput or NumberInput),
            ElementHost.Section => element is not (PlainTextInput or NumberInput),
            ElementHost.Context => element is ImageElement,
            _ => true,
        };
        if (!allowed)
        {
            Add($"{path}.type", $"{KindOf(element)} cannot be used in a {host.ToString().ToLowerInvariant()} block");
        }
    }

    private void ButtonElement(string path, Button button)
    {
        Text($"{path}.text", button.Text, BlockKitLimits.ButtonText, plainOnly: true);
        MaxLength($"{path}.value", button.Value, BlockKitLimits.ButtonValue);
        MaxLength($"{path}.url", button.Url, BlockKitLimits.ButtonUrl);
        MaxLength($"{path}.accessibility_label", button.AccessibilityLabel, BlockKitLimits.ButtonAccessibilityLabel);
        Style($"{path}.style", button.Style);
        OptionalConfirm($"{path}.confirm", button.Confirm);
    }

    private void Style(string path, ButtonStyle? style)
    {
        if (style is { } value && !Enum.IsDefined(value))
        {
            Add(path, "must be primary or danger");
        }
    }

    private void SelectMenu(string path, SelectMenu select)
    {
        OptionalText($"{path}.placeholder", select.Placeholder, BlockKitLimits.Placeholder, plainOnly: true);
        OptionalConfirm($"{path}.confirm", select.Confirm);
        FocusOnLoad(path, select.FocusOnLoad);
        if (select is MultiSelectMenu { MaxSelectedItems: < 1 })
        {
            Add($"{path}.max_selected_items", "must be at least 1");
        }
    }

    private void NumberField(string path, NumberInput input)
    {
        var style = input.IsDecimalAllowed ? System.Globalization.NumberStyles.Float : System.Globalization.NumberStyles.AllowLeadingSign;
        decimal? Read(string name, string? value)
        {
            if (value is null)
            {
                return null;
            }

            if (decimal.TryParse(value, style, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            Add($"{path}.{name}", input.IsDecimalAllowed ? "must be a number" : "must be a whole number (is_decimal_allowed is false)");
            return null;
        }

        var min = Read("min_value", input.MinValue);
        var max = Read("max_value", input.MaxValue);
        var initial = Read("initial_value", input.InitialValue);
        if (min is { } low && max is { } high && low > high)
        {
            Add($"{path}.min_value", "must not be greater than max_value");
        }

        if (initial is { } value && ((min is { } floor && value < floor) || (max is { } ceiling && value > ceiling)))
        {
            Add($"{path}.initial_value", "must be between min_value and max_value");
        }

        OptionalText($"{path}.placeholder", input.Placeholder, BlockKitLimits.Placeholder, plainOnly: true);
        FocusOnLoad(path, input.FocusOnLoad);
    }

    private void TextInput(string path, PlainTextInput input)
    {
        if (input.MinLength is < 0 or > BlockKitLimits.PlainTextInputLength)
        {
            Add($"{path}.min_length", $"must be between 0 and {BlockKitLimits.PlainTextInputLength}");
        }

        if (input.MaxLength is < 1 or > BlockKitLimits.PlainTextInputLength)
        {
            Add($"{path}.max_length", $"must be between 1 and {BlockKitLimits.PlainTextInputLength}");
        }

        if (input.MinLength is { } min && input.MaxLength is { } max && min > max)
        {
            Add($"{path}.min_length", "must not be greater than max_length");
        }

        if (input.InitialValue is { } initial && input.MaxLength is { } limit && initial.Length > limit)
        {
            Add($"{path}.initial_value", $"is longer than max_length ({limit})");
        }

        OptionalText($"{path}.placeholder", input.Placeholder, BlockKitLimits.Placeholder, plainOnly: true);
        if (input.DispatchActionConfig is { } dispatch)
        {
            Count($"{path}.dispatch_action_config.trigger_actions_on", dispatch.TriggerActionsOn, 1, int.MaxValue, "trigger");
        }

        FocusOnLoad(path, input.FocusOnLoad);
    }

    private void Filter(string path, ConversationFilter? filter)
    {
        if (filter?.Include is { } include)
        {
            // Conversation filter object: "The array cannot be empty."
            Count($"{path}.include", include, 1, int.MaxValue, "conversation type");
            for (var i = 0; i < include.Count; i++)
            {
                if (!Enum.IsDefined(include[i]))
                {
                    Add($"{path}.include[{i}]", "must be im, mpim, private or public");
                }
            }
        }
    }
}
