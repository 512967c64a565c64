using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SlackApp.Slack.Telemetry;

namespace SlackApp.Slack.Routing;

/// <summary>Maps the Slack request URL that every slash command, interaction and event is sent to.</summary>
public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST {pattern}</c> to the Slack ingress; requires <see cref="SlackRoutingServiceCollectionExtensions.AddSlackRouting"/>.</summary>
    public static IEndpointConventionBuilder MapSlackEvents(this IEndpointRouteBuilder endpoints, string pattern = "/slack/events")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, HandleAsync).WithDisplayName("Slack events");
    }

    // The ack latency is measured around the whole endpoint: from receipt to the answer written (events: before their listener runs).
    private static async Task HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        await http.RequestServices.GetRequiredService<SlackIngressEndpoint>().HandleAsync(http);
        if (http.Features.Get<SlackRequestKindFeature>() is { } parsed)
        {
            http.RequestServices.GetRequiredService<SlackTelemetry>().AckWritten(parsed.Kind, Stopwatch.GetElapsedTime(started));
        }
    }
}
