using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Slack.OAuth;

namespace SlackApp.Slack.Tests.OAuth;

public sealed class OAuthStateIssuerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _keys = new();

    private OAuthStateIssuer Issuer(IOAuthStateStore? store = null, IDataProtectionProvider? keys = null)
        => new(keys ?? _keys, store ?? new InMemoryOAuthStateStore(_time), new StaticOptions(new SlackOAuthOptions()), _time);

    [Fact]
    public async Task A_fresh_state_is_valid_once_then_rejected_as_reused()
    {
        var issuer = Issuer();
        var state = issuer.Issue();

        Assert.Equal(OAuthStateCheck.Valid, await issuer.ConsumeAsync(state, TestContext.Current.CancellationToken));
        Assert.Equal(OAuthStateCheck.AlreadyUsed, await issuer.ConsumeAsync(state, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Each_issued_state_is_distinct()
    {
        var issuer = Issuer();

        Assert.NotEqual(issuer.Issue(), issuer.Issue());
    }

    [Fact]
    public async Task A_state_just_under_ten_minutes_old_is_valid()
    {
        var issuer = Issuer();
        var state = issuer.Issue();
        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        Assert.Equal(OAuthStateCheck.Valid, await issuer.ConsumeAsync(state, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Rejects_a_state_older_than_ten_minutes()
    {
        var issuer = Issuer();
        var state = issuer.Issue();
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(OAuthStateCheck.Expired, await issuer.ConsumeAsync(state, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Rejects_a_tampered_state()
    {
        var issuer = Issuer();
        var state = issuer.Issue();
        var chars = state.ToCharArray();
        chars[state.Length / 2] = chars[state.Length / 2] == 'A' ? 'B' : 'A';

        Assert.Equal(OAuthStateCheck.Invalid, await issuer.ConsumeAsync(new string(chars), TestContext.Current.CancellationToken));
        Assert.Equal(OAuthStateCheck.Valid, await issuer.ConsumeAsync(state, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-state")]
    [InlineData("%%%")]
    public async Task Rejects_missing_or_forged_states(string? state)
        => Assert.Equal(OAuthStateCheck.Invalid, await Issuer().ConsumeAsync(state, TestContext.Current.CancellationToken));

    [Fact]
    public async Task Rejects_a_state_sealed_with_another_key_ring()
    {
        var foreign = Issuer(keys: new EphemeralDataProtectionProvider()).Issue();

        Assert.Equal(OAuthStateCheck.Invalid, await Issuer().ConsumeAsync(foreign, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Single_use_holds_across_issuers_sharing_keys_and_store()
    {
        // Two app instances: same key ring, same state store.
        var store = new InMemoryOAuthStateStore(_time);
        var state = Issuer(store).Issue();

        Assert.Equal(OAuthStateCheck.Valid, await Issuer(store).ConsumeAsync(state, TestContext.Current.CancellationToken));
        Assert.Equal(OAuthStateCheck.AlreadyUsed, await Issuer(store).ConsumeAsync(state, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task In_memory_store_forgets_used_states_once_they_expire()
    {
        var store = new InMemoryOAuthStateStore(_time);
        var ct = TestContext.Current.CancellationToken;
        Assert.True(await store.TryConsumeAsync("a", _time.GetUtcNow().AddMinutes(10), ct));
        Assert.False(await store.TryConsumeAsync("a", _time.GetUtcNow().AddMinutes(10), ct));

        _time.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await store.TryConsumeAsync("b", _time.GetUtcNow().AddMinutes(10), ct));

        Assert.Equal(1, store.Count);
    }

    private sealed class StaticOptions(SlackOAuthOptions value) : IOptionsMonitor<SlackOAuthOptions>
    {
        public SlackOAuthOptions CurrentValue => value;

        public SlackOAuthOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SlackOAuthOptions, string?> listener) => null;
    }
}
