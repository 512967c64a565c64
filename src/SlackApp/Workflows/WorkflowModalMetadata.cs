using System.Text.Json;
using SlackApp.Slack.Json;

namespace SlackApp.Workflows;

/// <summary>
/// What the workflow modal carries in <c>private_metadata</c>: the workflow being edited and the version it was
/// opened at (both null for a new one). Only a claim: the submission re-reads the workflow in the request's workspace.
/// </summary>
public sealed record WorkflowModalMetadata(long? WorkflowId = null, int? Version = null)
{
    public string Serialize() => JsonSerializer.Serialize(this, SlackJson.Options);

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
