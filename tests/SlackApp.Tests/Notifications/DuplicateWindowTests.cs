using SlackApp.Notifications;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

public sealed class DuplicateWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void Same_fact_about_the_same_subject_within_the_window_is_a_duplicate()
    {
        Assert.True(DuplicateWindow.IsDuplicate(Now, Week, "jane@acme", "vp", [new("jane@acme", "vp", Now.AddDays(-6))]));
    }

    [Fact]
    public void Same_fact_outside_the_window_is_sent_again()
    {
        Assert.False(DuplicateWindow.IsDuplicate(Now, Week, "jane@acme", "vp", [new("jane@acme", "vp", Now.AddDays(-8))]));
    }

    [Fact]
    public void A_changed_fact_is_news()
    {
        Assert.False(DuplicateWindow.IsDuplicate(Now, Week, "jane@acme", "cro", [new("jane@acme", "vp", Now.AddDays(-1))]));
    }

    [Fact]
    public void A_fact_that_changed_back_is_news()
    {
        EarlierItem[] earlier = [new("jane@acme", "vp", Now.AddDays(-3)), new("jane@acme", "cro", Now.AddDays(-1))];

        Assert.False(DuplicateWindow.IsDuplicate(Now, Week, "jane@acme", "vp", earlier));
    }

    [Fact]
    public void Another_subject_is_no_duplicate()
    {
        Assert.False(DuplicateWindow.IsDuplicate(Now, Week, "john@acme", "vp", [new("jane@acme", "vp", Now.AddHours(-1))]));
    }

    [Fact]
    public void An_off_window_never_suppresses()
    {
        Assert.False(DuplicateWindow.IsDuplicate(Now, null, "jane@acme", "vp", [new("jane@acme", "vp", Now.AddHours(-1))]));
    }

    [Fact]
    public void Subject_key_is_the_person_at_the_account_however_written()
    {
        var one = Sample("Jane Doe", "jane@acme.com", "https://www.linkedin.com/in/jane/", "acme.com", "VP Sales");
        var other = Sample("Jane  Doe", "JANE@acme.com", "https://linkedin.com/in/jane", "ACME.com", "CRO");

        Assert.Equal(NotificationSubject.SubjectKey(one), NotificationSubject.SubjectKey(other));
        Assert.NotEqual(NotificationSubject.FactKey(one), NotificationSubject.FactKey(other));
    }

    [Fact]
    public void The_same_person_at_another_account_is_another_subject()
    {
        var acme = Sample("Jane Doe", null, null, "acme.com", "VP Sales");
        var globex = Sample("Jane Doe", null, null, "globex.com", "VP Sales");

        Assert.NotEqual(NotificationSubject.SubjectKey(acme), NotificationSubject.SubjectKey(globex));
        Assert.Equal(NotificationSubject.FactKey(acme), NotificationSubject.FactKey(globex));
    }

    private static Signal Sample(string name, string? email, string? linkedin, string domain, string title) => new()
    {
        Id = "sig",
        Type = SignalType.NewHire,
        OccurredAt = Now,
        Person = new SignalPerson { FullName = name, Email = email, LinkedinUrl = linkedin, Title = title },
        Account = new SignalAccount { Name = "Acme", Domain = domain },
    };
}
