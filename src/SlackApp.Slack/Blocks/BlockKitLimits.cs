namespace SlackApp.Slack.Blocks;

/// <summary>Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit/…), used by the validator.</summary>
public static class BlockKitLimits
{
    // Blocks reference (docs.slack.dev/reference/block-kit/blocks): "up to 50 blocks in each message,
    // and 100 blocks in modals or Home tabs"; block_id "Maximum length ... 255 characters".
    public const int BlocksPerMessage = 50;
    public const int BlocksPerView = 100;
    public const int BlockId = 255;

    // Every interactive element (block-elements/*): action_id max 255, unique within the containing block.
    public const int ActionId = 255;

    // Text object (composition-objects/text-object): text is 1..3000 characters.
    public const int TextObjectText = 3000;

    // Section block (blocks/section-block): text 1..3000; fields max 10 items of 2000 characters.
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int SectionFieldText = 2000;

    // Header block (blocks/header-block): plain_text, max 150 characters.
    public const int HeaderText = 150;

    // Context block (blocks/context-block): max 10 elements.
    public const int ContextElements = 10;

    // Actions block (blocks/actions-block): max 25 elements.
    public const int ActionsElements = 25;

    // Input block (blocks/input-block): label and hint plain_text, max 2000 characters each.
    public const int InputLabel = 2000;
    public const int InputHint = 2000;

    // Image block and image element (blocks/image-block, block-elements/image-element):
    // image_url max 3000, alt_text max 2000, title max 2000.
    public const int ImageUrl = 3000;
    public const int ImageAltText = 2000;
    public const int ImageTitle = 2000;

    // Button element (block-elements/button-element): text 75, value 2000, url 3000, accessibility_label 75.
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int ButtonAccessibilityLabel = 75;

    // Option object (composition-objects/option-object): text 75, value 150, description 75, url 3000.
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int OptionDescription = 75;
    public const int OptionUrl = 3000;

    // Option group object (composition-objects/option-group-object): label 75, max 100 options.
    public const int OptionGroupLabel = 75;
    public const int OptionGroupOptions = 100;

    // Select menus (block-elements/select-menu-element, multi-select-menu-element): max 100 options or
    // 100 option groups; placeholder max 150; max_selected_items at least 1.
    public const int SelectOptions = 100;
    public const int SelectOptionGroups = 100;
    public const int Placeholder = 150;

    // Overflow menu (block-elements/overflow-menu-element): "an array of up to five option objects"
    // (the older api.slack.com reference also said "minimum is 2"; current docs state no minimum).
    public const int OverflowOptions = 5;

    // Checkboxes and radio buttons (block-elements/checkboxes-element, radio-button-group-element): max 10 options.
    public const int CheckboxOptions = 10;
    public const int RadioOptions = 10;

    // Confirmation dialog (composition-objects/confirmation-dialog-object): title 100, text 300, confirm/deny 30.
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;

    // Plain-text input (block-elements/plain-text-input-element): min_length 0..3000, max_length 1..3000.
    public const int PlainTextInputLength = 3000;

    // Modal view (reference/views/modal-views): title/submit/close plain_text max 24; private_metadata
    // max 3000; callback_id max 255. external_id: unique per workspace, 255 assumed as for other ids.
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int PrivateMetadata = 3000;
    public const int CallbackId = 255;
    public const int ExternalId = 255;
}
