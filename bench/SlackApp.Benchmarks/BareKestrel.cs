using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SlackApp.Benchmarks;

/// <summary>
/// The reference the app is measured against in the same run: a bare Kestrel endpoint in its own process (server GC,
/// like the app) that does only what any server must. <c>POST /slack/events</c> reads the form and answers the app's
/// own help ack, byte for byte; <c>POST /signals/{team}</c> parses the batch and commits it to SQLite (same table, WAL,
/// one transaction per batch) before answering 202 (<see cref="SqliteIntake"/>). Anything the app spends beyond these
/// is its own cost.
/// </summary>
internal static class BareKestrel
{
    public const string Command = "bare-kestrel";

    private const string AckBodyVariable = "BENCH_ACK_BODY";
    private const string AckContentTypeVariable = "BENCH_ACK_CONTENT_TYPE";

    /// <summary>Starts the reference as a child process (this assembly, run with <see cref="Command"/>).</summary>
    public static async Task<ChildProcess> StartAsync(string ackBody, string ackContentType, string? sqlitePath = null)
    {
        var port = ChildProcess.FreePort();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            // The app runs with server GC (its runtimeconfig); the reference must not be faster for a different GC.
            ["DOTNET_gcServer"] = "1",
            [AckBodyVariable] = ackBody,
            [AckContentTypeVariable] = ackContentType,
            [SqliteIntake.PathVariable] = sqlitePath ?? string.Empty,
        };
        var child = ChildProcess.Start("bare Kestrel", "dotnet", [typeof(BareKestrel).Assembly.Location, Command], environment, AppContext.BaseDirectory, port);
        try
        {
            await child.WaitReadyAsync("/healthz", TimeSpan.FromSeconds(30));
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }

        return child;
    }

    /// <summary>The child's entry point.</summary>
    public static async Task<int> ServeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var ack = Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable(AckBodyVariable) ?? "{}");
        var contentType = Environment.GetEnvironmentVariable(AckContentTypeVariable) ?? "application/json; charset=utf-8";
        var intake = await SqliteIntake.OpenAsync(Environment.GetEnvironmentVariable(SqliteIntake.PathVariable));

        app.MapGet("/healthz", (HttpContext context) => context.Response.WriteAsync("ok"));
        app.MapPost("/slack/events", async (HttpContext context) =>
        {
            _ = await context.Request.ReadFormAsync(context.RequestAborted);
            context.Response.ContentType = contentType;
            context.Response.ContentLength = ack.Length;
            await context.Response.Body.WriteAsync(ack, context.RequestAborted);
        });
        app.MapPost("/signals/{team}", async (HttpContext context, string team) =>
        {
            var accepted = await intake.StoreAsync(team, context.Request.Body, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync($$"""{"accepted":{{accepted}},"duplicates":0}""", context.RequestAborted);
        });
        await app.RunAsync();
        return 0;
    }
}
