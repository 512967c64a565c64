using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using SlackApp.Slack.OAuth;

namespace SlackApp.Slack.Tests.OAuth;

public sealed class SlackInstallUrlBuilderTests
{
    [Fact]
    public void Builds_the_authorize_url_with_client_id_scopes_redirect_uri_and_state()
    {
        using var host = OAuthTestHost.Create();

        var url = new Uri(host.Get<SlackInstallUrlBuilder>().Build("st/ate+1"));

        Assert.Equal("https://slack.com/oauth/v2/authorize", url.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal("1111.2222", query["client_id"]);
        Assert.Equal("chat:write,commands,users:read.email", query["scope"]);
        Assert.Equal(OAuthTestHost.RedirectUri, query["redirect_uri"]);
        Assert.Equal("st/ate+1", query["state"]);
        Assert.False(query.ContainsKey("user_scope"));
        Assert.DoesNotContain("client-SECRET", url.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Uses_the_configured_authorize_url_and_user_scopes()
    {
        using var host = new SlackApp.Slack.Tests.WebApi.SlackTestHost(services =>
        {
            services.AddSlackOAuth();
            services.Configure<SlackOAuthOptions>(o =>
            {
                o.AuthorizeUrl = "http://localhost:5080/sandbox/oauth/v2/authorize";
                o.Scopes.Add("chat:write");
                o.UserScopes.Add("identity.basic");
            });
        });

        var url = new Uri(host.Get<SlackInstallUrlBuilder>().Build("s"));

        Assert.Equal("http://localhost:5080/sandbox/oauth/v2/authorize", url.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal("identity.basic", query["user_scope"]);
        Assert.False(query.ContainsKey("redirect_uri"));
    }
}
