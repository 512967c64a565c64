using Microsoft.AspNetCore.Mvc;

namespace SlackApp.Signals;

public static class SignalsEndpointRouteBuilderExtensions
{
    /// <summary>Maps the signal webhook, <c>POST /signals/{team_id}</c> (contract: SIGNALS.md).</summary>
    public static IEndpointRouteBuilder MapSignals(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(
            "/signals/{team_id}",
            ([FromRoute(Name = "team_id")] string teamId, HttpRequest request, SignalIntake intake, CancellationToken cancellationToken) =>
                intake.HandleAsync(teamId, request, cancellationToken))
            .WithName("SignalIntake");
        return endpoints;
    }
}
