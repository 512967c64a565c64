using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Tests.Data;
using SlackApp.Welcome;

namespace SlackApp.Tests.Welcome;

public sealed class WelcomeRepositoryTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_is_claimed_once_per_workspace_and_a_released_claim_can_be_taken_again()
    {
        var welcomes = new WelcomeRepository(_db.Connections, _db.Clock);
        var acme = new Workspace("T0ACME");

        Assert.True(await welcomes.TryClaimAsync(acme, "U1", _ct));
        Assert.False(await welcomes.TryClaimAsync(acme, "U1", _ct));
        Assert.True(await welcomes.TryClaimAsync(new Workspace("T0OTHER"), "U1", _ct));
        await welcomes.ReleaseAsync(acme, "U1", _ct);
        Assert.True(await welcomes.TryClaimAsync(acme, "U1", _ct));
    }

    [Fact]
    public async Task Its_statements_parse_as_TSql()
    {
        var statements = new List<string>();
        var welcomes = new WelcomeRepository(new DbConnectionFactory(new SqlServerDialect(), () => new RecordingDbConnection(statements)), _db.Clock);

        await welcomes.TryClaimAsync(new Workspace("T1"), "U1", _ct);
        await welcomes.ReleaseAsync(new Workspace("T1"), "U1", _ct);

        Assert.Equal(2, statements.Count);
        Assert.All(statements, sql => Assert.True(SqlServerStatements.ParseErrors(sql) is [], sql));
    }

    public void Dispose() => _db.Dispose();
}
