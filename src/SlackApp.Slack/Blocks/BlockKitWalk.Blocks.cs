namespace SlackApp.Slack.Blocks;

internal sealed partial class BlockKitWalk
{
    public void Blocks(string path, IReadOnlyList<Block> blocks, BlockSurface surface)
    {
        var limit = surface == BlockSurface.Message ? BlockKitLimits.BlocksPerMessage : BlockKitLimits.BlocksPerView;
        if (blocks.Count > limit)
        {
            Add(path, $"a {surface.ToString().ToLowerInvariant()} allows at most {limit} blocks, found {blocks.Count}");
        }

        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            var blockPath = $"{path}[{i}]";
            var block = blocks[i];
            if (block is null)
            {
                Add(blockPath, "must not be null");
                continue;
            }

            if (block.BlockId is { } blockId && !blockIds.Add(blockId))
            {
                Add($"{blockPath}.block_id", $"block_id '{blockId}' is used by an earlier block; it must be unique");
            }

            Block(blockPath, block);
        }
    }

    private void Block(string path, Block block)
    {
        MaxLength($"{path}.block_id", block.BlockId, BlockKitLimits.BlockId);
        switch (block)
        {
            case SectionBlock section:
                Section(path, section);
                break;
            case ActionsBlock actions:
                Actions(path, actions);
                break;
            case ContextBlock context:
                Context(path, context);
                break;
            case HeaderBlock header:
                Text($"{path}.text", header.Text, BlockKitLimits.HeaderText, plainOnly: true);
                break;
            case InputBlock input:
                Input(path, input);
                break;
            case ImageBlock image:
                RequiredString($"{path}.image_url", image.ImageUrl, BlockKitLimits.ImageUrl);
                RequiredString($"{path}.alt_text", image.AltText, BlockKitLimits.ImageAltText);
                OptionalText($"{path}.title", image.Title, BlockKitLimits.ImageTitle, plainOnly: true);
                break;
            case DividerBlock:
                break;
        }
    }

    private void Section(string path, SectionBlock section)
    {
        if (section.Text is null && (section.Fields is null || section.Fields.Count == 0))
        {
            Add(path, "a section needs text or fields");
        }

        OptionalText($"{path}.text", section.Text, BlockKitLimits.SectionText, plainOnly: false);
        if (section.Fields is { } fields)
        {
            Count($"{path}.fields", fields, 0, BlockKitLimits.SectionFields, "field");
            for (var i = 0; i < fields.Count; i++)
            {
                Text($"{path}.fields[{i}]", fields[i], BlockKitLimits.SectionFieldText, plainOnly: false);
            }
        }

        if (section.Accessory is { } accessory)
        {
            Element($"{path}.accessory", accessory, ElementHost.Section);
        }
    }

    private void Actions(string path, ActionsBlock actions)
    {
        var elements = actions.Elements ?? [];
        Count($"{path}.elements", elements, 1, BlockKitLimits.ActionsElements, "element");
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < elements.Count; i++)
        {
            var elementPath = $"{path}.elements[{i}]";
            Element(elementPath, elements[i], ElementHost.Actions);
            if (elements[i] is InteractiveElement { ActionId: { } actionId } && !actionIds.Add(actionId))
            {
                Add($"{elementPath}.action_id", $"action_id '{actionId}' is used by an earlier element of this block; it must be unique");
            }
        }
    }

    private void Context(string path, ContextBlock context)
    {
        var elements = context.Elements ?? [];
        Count($"{path}.elements", elements, 1, BlockKitLimits.ContextElements, "element");
        for (var i = 0; i < elements.Count; i++)
        {
            var elementPath = $"{path}.elements[{i}]";
            switch (elements[i])
            {
                case TextObject text:
                    Text(elementPath, text, BlockKitLimits.TextObjectText, plainOnly: false);
                    break;
                case ImageElement image:
                    Element(elementPath, image, ElementHost.Context);
                    break;
                default:
                    Add(elementPath, "must be a text object or an image element");
                    break;
            }
        }
    }

    private void Input(string path, InputBlock input)
    {
        Text($"{path}.label", input.Label, BlockKitLimits.InputLabel, plainOnly: true);
        OptionalText($"{path}.hint", input.Hint, BlockKitLimits.InputHint, plainOnly: true);
        if (input.Element is null)
        {
            Add($"{path}.element", "is required");
            return;
        }

        Element($"{path}.element", input.Element, ElementHost.Input);
    }
}
