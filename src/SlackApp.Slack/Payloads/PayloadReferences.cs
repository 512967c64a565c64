using System.Text.Json;

namespace SlackApp.Slack.Payloads;

/// <summary>The workspace an interaction came from, as Slack describes it in the payload.</summary>
public sealed record PayloadTeam
{
    public string? Id { get; init; }
    public string? Domain { get; init; }
    public string? EnterpriseId { get; init; }
    public string? EnterpriseName { get; init; }
}

/// <summary>The Enterprise Grid organisation an interaction came from.</summary>
public sealed record PayloadEnterprise
{
    public string? Id { get; init; }
    public string? Name { get; init; }
}

/// <summary>The user who interacted.</summary>
public sealed record PayloadUser
{
    public string? Id { get; init; }
    public string? Username { get; init; }
    public string? Name { get; init; }
    public string? TeamId { get; init; }
}

/// <summary>The conversation an interaction happened in.</summary>
public sealed record PayloadChannel
{
    public string? Id { get; init; }
    public string? Name { get; init; }
}

/// <summary>Where the interactive element lives: a message, a message attachment or a view.</summary>
public sealed record PayloadContainer
{
    /// <summary><c>message</c>, <c>message_attachment</c> or <c>view</c>.</summary>
    public string? Type { get; init; }
    public string? MessageTs { get; init; }
    public string? ThreadTs { get; init; }
    public string? ChannelId { get; init; }
    public bool? IsEphemeral { get; init; }
    public string? ViewId { get; init; }
    public int? AttachmentId { get; init; }
}

/// <summary>The message an interaction or message shortcut came from; its blocks are kept as raw JSON.</summary>
public sealed record PayloadMessage
{
    public string? Ts { get; init; }
    public string? ThreadTs { get; init; }
    public string? Text { get; init; }
    public string? User { get; init; }
    public string? BotId { get; init; }

    /// <summary>The message's blocks exactly as Slack sent them (absent on some messages).</summary>
    public JsonElement? Blocks { get; init; }
}

/// <summary>One <c>response_url</c> Slack grants a view submission whose modal has a conversation select with <c>response_url_enabled</c>.</summary>
public sealed record ViewResponseUrl
{
    public string? BlockId { get; init; }
    public string? ActionId { get; init; }
    public string? ChannelId { get; init; }
    public required string ResponseUrl { get; init; }
}
