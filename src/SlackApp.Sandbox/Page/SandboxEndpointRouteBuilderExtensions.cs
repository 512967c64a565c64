using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Interactions;
using SlackApp.Sandbox.SocketMode;
using SlackApp.Sandbox.WebApi;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.Page;

/// <summary>Maps the sandbox's endpoints under <c>/sandbox</c>, in sandbox mode only: otherwise none of them exist.</summary>
public static class SandboxEndpointRouteBuilderExtensions
{
    /// <summary>How long the page's state request waits for a change before answering unchanged.</summary>
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(25);

    public static IEndpointRouteBuilder MapSlackSandbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<SandboxHostingExtensions.SandboxMarker>() is null)
        {
            return endpoints;
        }

        var sandbox = endpoints.MapGroup("/sandbox").ExcludeFromDescription();

        // Slack's side: the Web API and the response URLs the app posts to.
        sandbox.MapMethods("/api/{method}", ["GET", "POST"], async (string method, HttpRequest request, SandboxWebApi api, CancellationToken ct) =>
            Results.Text((api.Call(await SandboxApiCall.ReadAsync(method, request, ct))).ToJsonString(), "application/json; charset=utf-8"));
        sandbox.MapPost("/response/{id}", async (string id, HttpRequest request, SandboxWorkspace workspace, SandboxReplies replies, CancellationToken ct) =>
        {
            if (workspace.UseResponseUrl(id) is not { } grant)
            {
                return Results.Json(SandboxApiAnswer.Error("expired_url"), statusCode: StatusCodes.Status404NotFound);
            }

            var reply = await SandboxJson.ReadObjectAsync(request, ct);
            if (reply is null)
            {
                return Results.Json(SandboxApiAnswer.Error("invalid_json"), statusCode: StatusCodes.Status400BadRequest);
            }

            return replies.Apply(grant, reply, "response_url") is { } error
                ? Results.Json(SandboxApiAnswer.Error(error), statusCode: StatusCodes.Status400BadRequest)
                : Results.Json(new JsonObject { ["ok"] = true });
        });

        // Socket Mode: the app's connections, opened with a URL from apps.connections.open.
        endpoints.Map(SandboxSocketHub.Path, async (HttpContext http, SandboxSocketHub sockets, IHostApplicationLifetime lifetime) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            if (!sockets.Redeem(http.Request.Query["ticket"]))
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            await sockets.RunAsync(socket, ending.Token);
        }).ExcludeFromDescription();

        // The page and what it calls.
        sandbox.MapGet("/", () => SandboxAssets.Serve("index.html"));
        sandbox.MapGet("/assets/{name}", (string name) => SandboxAssets.Serve(name));
        sandbox.MapGet("/ui/state", async (string? @as, long? since, SandboxWorkspace workspace, IOptions<SandboxOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime, CancellationToken ct) =>
        {
            var viewer = workspace.Member(@as) is { IsBot: false } member ? member.Id : SandboxSeed.You;
            if (since is { } seen)
            {
                using var timeout = new CancellationTokenSource(LongPoll, clock);
                // A waiting page must not hold up shutdown.
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, ct, lifetime.ApplicationStopping);
                try
                {
                    await workspace.WhenChangedSinceAsync(seen, linked.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // Nothing changed: answer the same state, the page asks again.
                }
            }

            return Results.Text(SandboxSnapshot.For(workspace, viewer, options.Value).ToJsonString(), "application/json; charset=utf-8");
        });
        sandbox.MapPost("/ui/compose", (SandboxComposerInput input, SandboxComposer composer, CancellationToken ct) => composer.ComposeAsync(input, ct));
        sandbox.MapPost("/ui/action", (SandboxActionInput input, SandboxInteractions interactions, CancellationToken ct) => interactions.ActAsync(input, ct));
        sandbox.MapPost("/ui/submit", (SandboxSubmitInput input, SandboxModals modals, CancellationToken ct) => modals.SubmitAsync(input, ct));
        sandbox.MapPost("/ui/close", (SandboxCloseInput input, SandboxModals modals, CancellationToken ct) => modals.CloseAsync(input, ct));
        sandbox.MapPost("/ui/open-app", (SandboxOpenAppInput input, SandboxInteractions interactions, CancellationToken ct) => interactions.OpenAppAsync(input, ct));
        sandbox.MapPost("/ui/notices/{id:long}/dismiss", (long id, SandboxWorkspace workspace) =>
        {
            workspace.DismissNotice(id);
            return Results.Ok(SandboxOutcome.Done);
        });

        // The side panels extensions add: what each shows, and its actions run on the text it holds.
        sandbox.MapGet("/ui/panels", (SandboxPanels panels) => Results.Text(panels.Describe().ToJsonString(), "application/json; charset=utf-8"));
        sandbox.MapPost("/ui/panels/{id}/{action}", async (string id, string action, HttpRequest request, SandboxPanels panels, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(ct);
            return await panels.PerformAsync(id, action, text, ct) is { } result
                ? Results.Text(result.ToJsonString(), "application/json; charset=utf-8")
                : Results.NotFound();
        });
        return endpoints;
    }
}
