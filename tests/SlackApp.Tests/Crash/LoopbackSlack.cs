using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlackApp.Tests.Fakes;

namespace SlackApp.Tests.Crash;

/// <summary>
/// A <see cref="FakeSlack"/> served over HTTP on a free loopback port, for an app running in another process.
/// <c>/run{n}/api/{method}</c> reaches the fake as <c>{method}</c> with <c>?run=n</c>: each life of the app gets its
/// own base URL, so a call is known by the process that made it even when it arrives after that process died.
/// </summary>
internal sealed class LoopbackSlack : IAsyncDisposable
{
    private readonly WebApplication _host;
    private readonly HttpMessageInvoker _fake;

    private LoopbackSlack(WebApplication host, FakeSlack slack)
    {
        _host = host;
        _fake = new HttpMessageInvoker(slack, disposeHandler: false);
    }

    public Uri Address => new(_host.Urls.Single());

    /// <summary>The <c>Slack:ApiBaseUrl</c> of the app's life number <paramref name="run"/>.</summary>
    public Uri ApiBaseUrl(int run) => new(Address, $"run{run}/api/");

    public static async Task<LoopbackSlack> StartAsync(FakeSlack slack, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var host = builder.Build();
        var loopback = new LoopbackSlack(host, slack);
        host.MapPost("/run{run:int}/api/{method}", loopback.ForwardAsync);
        await host.StartAsync(cancellationToken);
        return loopback;
    }

    private async Task ForwardAsync(HttpContext context, int run, string method)
    {
        var aborted = context.RequestAborted;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, aborted);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{FakeSlack.ApiBaseUrl}{method}?run={run}"))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        if (context.Request.ContentType is { Length: > 0 } contentType)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out var authorization))
        {
            request.Headers.Authorization = authorization;
        }

        try
        {
            using var answer = await _fake.SendAsync(request, aborted);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
            if (answer.Headers.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter.ToString();
            }

            await answer.Content.CopyToAsync(context.Response.Body, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The app hung up (it was killed while the call was held): nobody is left to answer.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _fake.Dispose();
        await _host.DisposeAsync();
    }
}
