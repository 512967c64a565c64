using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Tests.Data;

namespace SlackApp.Tests.Signals;

/// <summary>The statements that write a matched batch, recorded on the SQL Server dialect: few, parseable, within SQL Server's parameter limit.</summary>
public sealed partial class BatchStatementsSqlServerTests
{
    private static readonly Workspace Acme = new("T1");
    private static readonly Workspace Globex = new("T2");

    [Fact]
    public async Task Marking_a_batch_matched_takes_one_statement_per_workspace_and_match_count_within_the_parameter_limit()
    {
        var statements = new List<string>();
        var connections = new DbConnectionFactory(new SqlServerDialect(), () => new RecordingDbConnection(statements));
        var clock = new FakeTimeProvider();
        var outbox = new NotificationOutbox(connections, clock);
        var planned = new PlannedSignal(Acme, 1, new RecipientPlan([new PlannedDelivery(RecipientKind.Channel, "C1", [], [])], new AccountPeople("U1")));
        SignalMatchResult[] results =
        [
            .. Enumerable.Range(1, 2500).Select(i => new SignalMatchResult(Acme, i, 1)),
            new SignalMatchResult(Acme, 2501, 0),
            new SignalMatchResult(Acme, 2502, 0),
            new SignalMatchResult(Globex, 700, 1),
        ];

        await new SignalRepository(connections, clock).MarkMatchedAsync(results, (transaction, ct) => outbox.AddAsync(transaction, [planned], ct), CancellationToken.None);
        await outbox.PlannedSignalsAsync(Acme, [.. Enumerable.Range(1, 2500).Select(i => (long)i)], CancellationToken.None);

        var updates = statements.Where(s => s.TrimStart().StartsWith("UPDATE signals", StringComparison.Ordinal)).ToList();
        // Acme with 1 match (2,500 ids, in statements SQL Server takes), Acme with 0, Globex with 1.
        Assert.Equal(5 + 1 + 1, updates.Count);
        Assert.Single(statements, s => s.Contains("notification_deliveries", StringComparison.Ordinal) && s.Contains("INSERT", StringComparison.Ordinal));
        Assert.Equal(5, statements.Count(s => s.Contains("SELECT DISTINCT signal_row_id", StringComparison.Ordinal)));
        Assert.All(statements, sql => Assert.True(SqlServerStatements.ParseErrors(sql) is [], $"{sql}\n{string.Join("\n", SqlServerStatements.ParseErrors(sql))}"));
        // SQL Server refuses a statement with more than 2,100 parameters.
        Assert.All(statements, sql => Assert.InRange(Parameter().Count(sql), 0, 2100));
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();
}
