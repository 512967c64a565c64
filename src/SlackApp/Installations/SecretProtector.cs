using Microsoft.AspNetCore.DataProtection;

namespace SlackApp.Installations;

/// <summary>Encrypts tokens and secrets before they are stored, with ASP.NET Core Data Protection.</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    // The purpose string isolates these payloads from any other use of the same key ring.
    private readonly IDataProtector _protector = provider.CreateProtector("SlackApp.Installations.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    public string? ProtectOrNull(string? secret) => secret is null ? null : Protect(secret);

    public string? UnprotectOrNull(string? protectedSecret) => protectedSecret is null ? null : Unprotect(protectedSecret);
}
