namespace SlackApp.Sandbox.Extensions;

/// <summary>Chooses the extensions the sandbox runs with (see <see cref="ISandboxExtension"/>).</summary>
public sealed class SandboxBuilder
{
    internal List<ISandboxExtension> Extensions { get; } = [];

    /// <summary>Adds <typeparamref name="TExtension"/>; extensions configure the sandbox in the order they are added.</summary>
    public SandboxBuilder Use<TExtension>()
        where TExtension : ISandboxExtension, new() => Use(new TExtension());

    /// <summary>Adds <paramref name="extension"/>; extensions configure the sandbox in the order they are added.</summary>
    public SandboxBuilder Use(ISandboxExtension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        Extensions.Add(extension);
        return this;
    }
}
