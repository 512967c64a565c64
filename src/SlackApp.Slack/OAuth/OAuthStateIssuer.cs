using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace SlackApp.Slack.OAuth;

/// <summary>
/// Issues the OAuth <c>state</c>: an id and its issue time, sealed with ASP.NET Core Data Protection, and checks it on
/// the way back: authentic, younger than <see cref="SlackOAuthOptions.StateLifetime"/>, and used only once.
/// </summary>
/// <remarks>
/// Data Protection rather than a hand-rolled HMAC key: it authenticates and encrypts, rotates its keys, needs no extra
/// secret in configuration, and its key ring is the one the product already shares between instances to encrypt tokens.
/// Expiry is checked here against <see cref="TimeProvider"/> (not with Data Protection's time-limited protector, whose clock
/// cannot be injected), and single use through <see cref="IOAuthStateStore"/>.
/// </remarks>
public sealed class OAuthStateIssuer(
    IDataProtectionProvider dataProtection,
    IOAuthStateStore store,
    IOptionsMonitor<SlackOAuthOptions> options,
    TimeProvider time)
{
    private const byte Version = 1;
    private const int IdLength = 16;
    private const int PayloadLength = 1 + sizeof(long) + IdLength;

    // States from another instance's clock a little ahead are still accepted.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("SlackApp.Slack.OAuth.State");

    /// <summary>A fresh state for one install attempt.</summary>
    public string Issue()
    {
        var payload = new byte[PayloadLength];
        payload[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1), time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(payload.AsSpan(1 + sizeof(long)));
        return Base64Url.EncodeToString(_protector.Protect(payload));
    }

    /// <summary>Checks <paramref name="state"/> and, when valid, uses it up.</summary>
    public async Task<OAuthStateCheck> ConsumeAsync(string? state, CancellationToken cancellationToken)
    {
        if (!TryOpen(state, out var payload))
        {
            return OAuthStateCheck.Invalid;
        }

        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1)));
        var expiresAt = issuedAt + options.CurrentValue.StateLifetime;
        var now = time.GetUtcNow();
        if (issuedAt > now + ClockSkew)
        {
            return OAuthStateCheck.Invalid;
        }

        if (now >= expiresAt)
        {
            return OAuthStateCheck.Expired;
        }

        var id = Base64Url.EncodeToString(payload.AsSpan(1 + sizeof(long)));
        return await store.TryConsumeAsync(id, expiresAt, cancellationToken) ? OAuthStateCheck.Valid : OAuthStateCheck.AlreadyUsed;
    }

    private bool TryOpen(string? state, out byte[] payload)
    {
        payload = [];
        if (string.IsNullOrEmpty(state) || state.Length > 1024 || !Base64Url.IsValid(state))
        {
            return false;
        }

        try
        {
            payload = _protector.Unprotect(Base64Url.DecodeFromChars(state));
        }
        catch (CryptographicException)
        {
            return false;
        }

        return payload.Length == PayloadLength && payload[0] == Version;
    }
}
