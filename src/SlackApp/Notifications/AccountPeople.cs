using System.Text.Json;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// The account's people (owner, CSM, SDR) the planner found in Slack by email, as Slack user ids: so a message can
/// mention the owner instead of showing an email, and tell a DM's reader why it is theirs.
/// </summary>
public sealed record AccountPeople(string? OwnerUserId = null, string? CsmUserId = null, string? SdrUserId = null)
{
    public static readonly AccountPeople None = new();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? UserOf(AccountRole role) => role switch
    {
        AccountRole.Owner => OwnerUserId,
        AccountRole.Csm => CsmUserId,
        AccountRole.Sdr => SdrUserId,
        _ => null,
    };

    /// <summary>The first role <paramref name="userId"/> holds on the account (owner first), or null.</summary>
    public AccountRole? RoleOf(string? userId) =>
        userId is null ? null : Enum.GetValues<AccountRole>().Cast<AccountRole?>().FirstOrDefault(r => UserOf(r!.Value) == userId);

    public AccountPeople With(AccountRole role, string userId) => role switch
    {
        AccountRole.Owner => this with { OwnerUserId = userId },
        AccountRole.Csm => this with { CsmUserId = userId },
        AccountRole.Sdr => this with { SdrUserId = userId },
        _ => this,
    };

    /// <summary>The outbox's JSON form; null when nobody was found.</summary>
    public string? ToJson() => this == None ? null : JsonSerializer.Serialize(this, Json);

    /// <summary>Reads <see cref="ToJson"/>; rows written before people were kept read as <see cref="None"/>.</summary>
    public static AccountPeople FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? None : JsonSerializer.Deserialize<AccountPeople>(json, Json) ?? None;
}
