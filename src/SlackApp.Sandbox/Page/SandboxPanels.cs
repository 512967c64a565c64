using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SlackApp.Sandbox.Extensions;
using SlackApp.Sandbox.Hosting;

namespace SlackApp.Sandbox.Page;

/// <summary>The side panels extensions added (<see cref="ISandboxPanel"/>): listed for the page, and their actions run.</summary>
internal sealed partial class SandboxPanels(IEnumerable<ISandboxPanel> panels, IHttpClientFactory httpClients, SandboxAddress address)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Every panel as the page draws it, in the order the extensions added them.</summary>
    public JsonArray Describe() => new([.. Forms().Select(f => JsonSerializer.SerializeToNode(f.Form, Json))]);

    /// <summary>Runs <paramref name="action"/> of panel <paramref name="id"/> on <paramref name="text"/>; null when there is no such panel.</summary>
    public async Task<JsonNode?> PerformAsync(string id, string action, string text, CancellationToken cancellationToken)
    {
        if (Forms().FirstOrDefault(f => f.Form.Id == id) is not { Panel: { } panel })
        {
            return null;
        }

        using var app = httpClients.CreateClient(SandboxAddress.HttpClientName);
        app.BaseAddress = new Uri(address.Require() + "/");
        var result = await panel.PerformAsync(new SandboxPanelRequest(action, text, app), cancellationToken);
        return JsonSerializer.SerializeToNode(result, Json);
    }

    private IEnumerable<(ISandboxPanel Panel, SandboxPanelForm Form)> Forms() => panels.Select(panel =>
    {
        var form = panel.Describe();
        return PanelId().IsMatch(form.Id)
            ? (panel, form)
            : throw new InvalidOperationException($"Sandbox panel id '{form.Id}' ({panel.GetType().Name}) must be lowercase letters, digits and dashes.");
    });

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex PanelId();
}
