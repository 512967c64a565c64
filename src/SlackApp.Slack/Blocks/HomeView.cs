namespace SlackApp.Slack.Blocks;

/// <summary>The App Home tab of one user (<c>views.publish</c>).</summary>
public sealed record HomeView : View;
