using System.Net;
using System.Text.Json.Nodes;

namespace SlackApp.Slack.Tests.Routing;

/// <summary>Checks on the endpoint's answers.</summary>
internal static class HttpAssertions
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task AssertEmptyOkAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(Ct));
    }

    public static async Task AssertJsonAsync(HttpResponseMessage response, string expectedJson)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var actual = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), JsonNode.Parse(actual)), $"Expected {expectedJson} but got {actual}");
    }

    public static async Task AssertTextAsync(HttpResponseMessage response, HttpStatusCode status, string expectedText)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expectedText, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Awaits a signal from a handler; the timeout only guards against a hung test.</summary>
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Patience, Ct);

    public static Task Within(this Task task) => task.WaitAsync(Patience, Ct);
}
