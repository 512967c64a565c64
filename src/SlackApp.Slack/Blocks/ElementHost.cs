namespace SlackApp.Slack.Blocks;

/// <summary>The block kind an element sits in; each accepts a different set of elements.</summary>
internal enum ElementHost
{
    Section,
    Actions,
    Context,
    Input,
}
