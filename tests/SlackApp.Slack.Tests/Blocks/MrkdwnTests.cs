using SlackApp.Slack.Blocks;

namespace SlackApp.Slack.Tests.Blocks;

public sealed class MrkdwnTests
{
    [Fact]
    public void Escapes_control_characters_so_user_text_cannot_mention_channel()
    {
        Assert.Equal("&lt;!channel&gt; hi", Mrkdwn.Escape("<!channel> hi"));
    }

    [Fact]
    public void Escapes_ampersand_first_so_entities_are_not_escaped_twice()
    {
        Assert.Equal("Tom &amp; Jerry &lt;3 &amp;lt;", Mrkdwn.Escape("Tom & Jerry <3 &lt;"));
    }

    [Fact]
    public void Leaves_other_characters_alone()
    {
        Assert.Equal("It's \"*fine*\" _ok_ :tada:", Mrkdwn.Escape("It's \"*fine*\" _ok_ :tada:"));
    }
}
