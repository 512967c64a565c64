using System.Security.Cryptography;
using System.Text;

namespace SlackApp.ApiKeys;

/// <summary>
/// Makes keys and hashes them. A key is 32 random bytes (256 bits), so a single SHA-256 is enough to store it: a slow
/// password hash (PBKDF2, bcrypt) protects guessable secrets, and nobody can guess or brute-force 256 random bits.
/// Keys are found by their hash (an indexed lookup), never by comparing secrets one by one.
/// </summary>
internal static class ApiKeySecret
{
    public const string Scheme = "ugk_";

    /// <summary>Characters of the key kept for display: the scheme and the first 6 of the random part.</summary>
    public const int PrefixLength = 10;

    public static string New() => Scheme + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Prefix(string key) => key[..PrefixLength];

    /// <summary>Whether <paramref name="key"/> has a key's shape; anything else is refused before any lookup.</summary>
    public static bool LooksLikeKey(string? key) =>
        key is { Length: > PrefixLength and <= 100 } && key.StartsWith(Scheme, StringComparison.Ordinal)
        && key.AsSpan(Scheme.Length).IndexOfAnyExcept(Base64UrlCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> Base64UrlCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
