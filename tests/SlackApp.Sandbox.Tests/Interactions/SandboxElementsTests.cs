using System.Text.Json.Nodes;
using SlackApp.Sandbox.Interactions;

namespace SlackApp.Sandbox.Tests.Interactions;

/// <summary>What the sandbox sends for a number_input and a timepicker, as Slack does in view.state and block_actions.</summary>
public sealed class SandboxElementsTests
{
    [Fact]
    public void Number_and_time_inputs_report_their_values_in_slacks_shape()
    {
        var number = new JsonObject { ["type"] = "number_input", ["action_id"] = "n", ["is_decimal_allowed"] = false, ["initial_value"] = "7" };
        var time = new JsonObject { ["type"] = "timepicker", ["action_id"] = "t", ["initial_time"] = "09:00" };

        Assert.Equal("""{"type":"number_input","value":"7"}""", SandboxElements.StateValue(number, null).ToJsonString());
        Assert.Equal("""{"type":"number_input","value":"12"}""", SandboxElements.StateValue(number, ["12"]).ToJsonString());
        Assert.Equal("""{"type":"number_input","value":null}""", SandboxElements.StateValue(number, [""]).ToJsonString());
        Assert.Equal("""{"type":"timepicker","selected_time":"09:00"}""", SandboxElements.StateValue(time, null).ToJsonString());
        Assert.Equal("""{"type":"timepicker","selected_time":"18:15"}""", SandboxElements.StateValue(time, ["18:15"]).ToJsonString());
        Assert.Equal("""{"type":"timepicker","selected_time":null}""", SandboxElements.StateValue(time, [""]).ToJsonString());
    }
}
