using SlackApp.Sandbox.Hosting;

namespace SlackApp.Sandbox.Workspace;

/// <summary>
/// Who and what the sandbox workspace starts with: you (an admin), an Account Executive, a CSM, an SDR and a member,
/// with emails an app's sample data can name; public channels, a private channel with the app and one without, an
/// archived channel. Extensions may add channels.
/// </summary>
public static class SandboxSeed
{
    public const string You = "U0YOU";
    public const string AccountExecutive = "U0AE";
    public const string Csm = "U0CSM";
    public const string Sdr = "U0SDR";
    public const string Member = "U0MEMBER";

    public const string General = "C0GENERAL";
    public const string AeAlerts = "C0AEALERTS";
    public const string DealDesk = "G0DEALDESK";
    public const string Leadership = "G0LEADERS";
    public const string OldLaunch = "C0OLDLAUNCH";

    /// <summary>The people of the workspace (the app's bot user is <see cref="Bot"/>).</summary>
    public static IReadOnlyList<SandboxMember> Members { get; } =
    [
        new(You, "you", "You", "Workspace admin", "you@vendor.example", IsAdmin: true, IsOwner: true),
        new(AccountExecutive, "avery", "Avery Ames", "Account Executive", "ae@vendor.example"),
        new(Csm, "casey", "Casey Chen", "Customer Success Manager", "csm@vendor.example"),
        new(Sdr, "sam", "Sam Singh", "Sales Development Rep", "sdr@vendor.example"),
        new(Member, "morgan", "Morgan Moss", "Marketing", "morgan@vendor.example"),
    ];

    /// <summary>The app's bot user, named after the app: <c>Acme Bot</c> is <c>acmebot</c>.</summary>
    public static SandboxMember Bot(string appName) =>
        new(SandboxIdentity.BotUserId, new string([.. appName.ToLowerInvariant().Where(char.IsLetterOrDigit)]), appName, "App", string.Empty, IsBot: true);

    public static IEnumerable<SandboxChannel> Channels()
    {
        var people = Members.Select(m => m.Id).ToList();
        yield return new SandboxChannel { Id = General, Name = "general", IsGeneral = true, Members = [.. people, SandboxIdentity.BotUserId] };
        yield return new SandboxChannel { Id = AeAlerts, Name = "ae-alerts", Members = [You, AccountExecutive, Sdr] };
        yield return new SandboxChannel { Id = DealDesk, Name = "deal-desk", IsPrivate = true, Members = [You, AccountExecutive, Csm, SandboxIdentity.BotUserId] };
        yield return new SandboxChannel { Id = Leadership, Name = "leadership", IsPrivate = true, Members = [You, Csm] };
        yield return new SandboxChannel { Id = OldLaunch, Name = "old-launch", IsArchived = true, Members = [.. people] };
    }

    /// <summary>The id of the app's DM with <paramref name="userId"/>.</summary>
    public static string DirectMessageId(string userId) => "D" + userId[1..];
}
