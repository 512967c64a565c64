using System.Net;

namespace SlackApp.Tests.AdminApi;

/// <summary>Each key is paced on its own: past its burst a 429 with Retry-After, while another key goes on.</summary>
public sealed class RateLimitTests : IDisposable
{
    // No refill within a test: the burst alone decides, whatever the machine's speed.
    private readonly AdminApiApp _app = new(factory => factory.With("AdminApi:Burst", "3").With("AdminApi:Refill", "01:00:00"));

    [Fact]
    public async Task A_key_past_its_burst_gets_429_with_retry_after_while_another_key_is_served()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _app.AcmeAsync(HttpMethod.Get, "/workflows")).StatusCode);
        }

        var paced = await _app.AcmeAsync(HttpMethod.Get, "/workflows");
        var other = await _app.SendAsync(HttpMethod.Get, AdminApiApp.Url(AdminApiApp.Globex, "/workflows"), _app.GlobexKey.Plaintext);

        Assert.Equal(HttpStatusCode.TooManyRequests, paced.StatusCode);
        Assert.Equal("application/problem+json", paced.Content.Headers.ContentType?.MediaType);
        Assert.True(paced.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), paced.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
