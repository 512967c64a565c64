using SlackApp.Audit;
using SlackApp.Slack.Blocks;

namespace SlackApp.Tests.Audit;

/// <summary>How entries read: escaped text, Slack references kept, and within Block Kit's limits however long.</summary>
public sealed class AuditComposerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Untrusted_names_and_values_are_escaped_while_channel_and_user_references_stay()
    {
        var entry = Entry(AuditAction.WorkflowEdited, "<!channel> *bold*", [
            AuditChange.Of("Filters", "in Sales & Ops", "in <!here> R&D"),
            AuditChange.Of("Recipients", "<#C0OLD>", "<#C0NEW>, <@U0ANA>"),
        ]);

        var text = AuditComposer.Full(entry);

        Assert.Contains("&lt;!channel&gt; ＊bold＊", text, StringComparison.Ordinal);
        Assert.Contains("• Filters: in Sales &amp; Ops → in &lt;!here&gt; R&amp;D", text, StringComparison.Ordinal);
        Assert.Contains("• Recipients: <#C0OLD> → <#C0NEW>, <@U0ANA>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Created_and_deleted_values_read_as_set_and_was()
    {
        Assert.Equal("Name: Execs", AuditComposer.Change(AuditChange.Of("Name", null, "Execs")));
        Assert.Equal("Name: was Execs", AuditComposer.Change(AuditChange.Of("Name", "Execs", null)));
    }

    [Fact]
    public void An_entry_by_the_app_itself_says_so()
    {
        var entry = Entry(AuditAction.SignalSecretRotated, null, []) with { ActorUserId = null, SubjectKind = AuditSubject.SignalSecret };

        Assert.Contains("The app (its configuration) rotated the signal secret", AuditComposer.Full(entry), StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_page_of_the_longest_entries_passes_the_validator()
    {
        var longest = new string('&', 300);
        var entries = Enumerable.Range(0, AuditComposer.PageSize)
            .Select(_ => Entry(AuditAction.WorkflowEdited, longest, [.. Enumerable.Range(0, 12).Select(f => AuditChange.Of($"Field {f}", longest, longest))]))
            .ToList();

        var message = AuditComposer.Page(new AuditPage(entries, HasMore: true), 3);

        Assert.Empty(BlockKitValidator.Validate(message));
        Assert.Contains("…and", ((SectionBlock)message.Blocks![1]).Text!.Text, StringComparison.Ordinal);
        var buttons = ((ActionsBlock)message.Blocks[^1]).Elements.OfType<Button>().ToList();
        Assert.Equal([("Newer", "2"), ("Older", "4")], buttons.Select(b => (b.Text.Text, b.Value!)));
    }

    [Fact]
    public void An_empty_log_says_what_will_appear()
    {
        var message = AuditComposer.Page(new AuditPage([], HasMore: false), 1);

        Assert.Contains("No changes recorded yet", ((SectionBlock)message.Blocks![0]).Text!.Text, StringComparison.Ordinal);
        Assert.Single(message.Blocks);
        Assert.Empty(BlockKitValidator.Validate(message));
    }

    [Fact]
    public void Unknown_actions_from_a_newer_version_are_shown_not_trusted()
    {
        Assert.Equal("did Escalation.set", AuditAction.Verb("escalation.set"));
        Assert.Equal("did &lt;!channel&gt;", AuditAction.Verb("<!channel>"));
    }

    private static AuditEntry Entry(string action, string? name, IReadOnlyList<AuditChange> changes) => new()
    {
        TeamId = "T0ACME",
        At = At,
        ActorUserId = "U0ADMIN",
        Action = action,
        SubjectKind = AuditSubject.Workflow,
        SubjectId = "12",
        SubjectName = name,
        Changes = changes,
    };
}
