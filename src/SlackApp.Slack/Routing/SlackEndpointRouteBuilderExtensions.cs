using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SlackApp.Slack.Routing;

/// <summary>Maps the Slack request URL that every slash command, interaction and event is sent to.</summary>
public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST {pattern}</c> to the Slack ingress; requires <see cref="SlackRoutingServiceCollectionExtensions.AddSlackRouting"/>.</summary>
    public static IEndpointConventionBuilder MapSlackEvents(this IEndpointRouteBuilder endpoints, string pattern = "/slack/events")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, (HttpContext http) => http.RequestServices.GetRequiredService<SlackIngressEndpoint>().HandleAsync(http))
            .WithDisplayName("Slack events");
    }
}
