using System.Reflection;
using System.Text.Json.Serialization;

namespace SlackApp.Slack.Blocks;

/// <summary>One validation pass over a surface: walks blocks, elements and objects, collecting violations.</summary>
internal sealed partial class BlockKitWalk
{
    private static readonly Dictionary<Type, string> ElementKinds = typeof(BlockElement)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(attribute => attribute.DerivedType, attribute => (string)attribute.TypeDiscriminator!);

    private readonly List<BlockKitViolation> _violations = [];
    private bool _focusOnLoadSeen;

    public IReadOnlyList<BlockKitViolation> Violations => _violations;

    public void Add(string path, string message) => _violations.Add(new BlockKitViolation(path, message));

    public void MaxLength(string path, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(path, $"must be at most {max} characters, was {value.Length}");
        }
    }

    public void RequiredString(string path, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "is required and must not be empty");
            return;
        }

        MaxLength(path, value, max);
    }

    /// <summary>A required text object; its <c>text</c> must be non-empty and at most <paramref name="max"/> chars.</summary>
    public void Text(string path, TextObject? text, int max, bool plainOnly)
    {
        if (text is null)
        {
            Add(path, "is required");
            return;
        }

        if (plainOnly && text is not PlainText)
        {
            Add($"{path}.type", "must be plain_text");
        }

        if (string.IsNullOrWhiteSpace(text.Text))
        {
            Add($"{path}.text", "must not be empty");
            return;
        }

        MaxLength($"{path}.text", text.Text, Math.Min(max, BlockKitLimits.TextObjectText));
    }

    public void OptionalText(string path, TextObject? text, int max, bool plainOnly)
    {
        if (text is not null)
        {
            Text(path, text, max, plainOnly);
        }
    }

    public void Count<T>(string path, IReadOnlyCollection<T>? items, int min, int max, string what)
    {
        var count = items?.Count ?? 0;
        if (count < min)
        {
            Add(path, min == 1 ? $"needs at least one {what}" : $"needs at least {min} {what}s");
        }
        else if (count > max)
        {
            Add(path, $"allows at most {max} {what}s, found {count}");
        }
    }

    private static string KindOf(BlockElement element) =>
        ElementKinds.TryGetValue(element.GetType(), out var kind) ? kind : element.GetType().Name;

    private void FocusOnLoad(string path, bool? focusOnLoad)
    {
        if (focusOnLoad != true)
        {
            return;
        }

        if (_focusOnLoadSeen)
        {
            Add($"{path}.focus_on_load", "only one element per surface may set focus_on_load");
        }

        _focusOnLoadSeen = true;
    }
}
