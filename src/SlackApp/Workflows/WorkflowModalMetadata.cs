using System.Text.Json;
using System.Text.Json.Serialization;
using SlackApp.Slack.Json;

namespace SlackApp.Workflows;

/// <summary>
/// What the workflow modal carries in <c>private_metadata</c>: the workflow being edited and the version it was
/// opened at (both null for a new one), and the channel it was asked for in (null from the Home tab), where the
/// "saved" answer goes. Only claims: the submission re-reads the workflow in the request's workspace, and the
/// answer is posted with that workspace's token, which reaches no other workspace's channel.
/// </summary>
public sealed record WorkflowModalMetadata(long? WorkflowId = null, int? Version = null, string? ChannelId = null, string? ChannelName = null)
{
    public string Serialize() => JsonSerializer.Serialize(this, SlackJson.Options);

    /// <summary>The channel the modal was asked for in, if the metadata names a well-formed one.</summary>
    [JsonIgnore]
    public WorkflowOrigin? Origin => WorkflowOrigin.IsChannelId(ChannelId) ? WorkflowOrigin.Of(ChannelId, ChannelName) : null;

    /// <summary>Null when the text is not metadata this app wrote.</summary>
    public static WorkflowModalMetadata? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new WorkflowModalMetadata();
        }

        try
        {
            return JsonSerializer.Deserialize<WorkflowModalMetadata>(text, SlackJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
