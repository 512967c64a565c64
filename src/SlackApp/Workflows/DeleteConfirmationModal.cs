using System.Text.Json;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// The one confirmation of a delete, wherever it started (command, list message, Home tab). Its
/// <c>private_metadata</c> names the workflow and, when the delete started from a message, where to answer after it;
/// <see cref="Read"/> mirrors <see cref="Build"/>. The id is only a claim: the submission looks it up in the request's workspace.
/// </summary>
public static class DeleteConfirmationModal
{
    public const string CallbackId = WorkflowActionIds.DeleteConfirmation;

    public static ModalView Build(Workflow workflow, string? responseUrl = null, bool refreshList = false)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return new ModalView(new PlainText("Delete workflow?"))
        {
            CallbackId = CallbackId,
            PrivateMetadata = JsonSerializer.Serialize(new Metadata(workflow.Id, responseUrl, refreshList), SlackJson.Options),
            Submit = new PlainText("Delete"),
            Close = new PlainText("Keep it"),
            Blocks =
            [
                new SectionBlock { Text = UntrustedText.Markdown($"Delete *{UntrustedText.Mrkdwn(workflow.Name)}*? It will stop notifying anyone. This cannot be undone.\n{WorkflowSummary.Line(workflow)}") },
            ],
        };
    }

    /// <summary>What <see cref="Build"/> wrote, or null when the text is not metadata this app wrote.</summary>
    public static Metadata? Read(string? privateMetadata)
    {
        if (string.IsNullOrWhiteSpace(privateMetadata))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Metadata>(privateMetadata, SlackJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The workflow to delete, the response_url of the message the delete started from, and whether that message is the list.</summary>
    public sealed record Metadata(long WorkflowId, string? ResponseUrl = null, bool RefreshList = false);
}
