using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.Extensions;

/// <summary>What an <see cref="ISandboxExtension"/> may set while the host is built.</summary>
public sealed class SandboxExtensionContext
{
    private readonly IServiceCollection _services;
    private readonly Dictionary<string, string> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<string, string>> _addressSettings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SandboxChannel> _channels = [];

    internal SandboxExtensionContext(IConfiguration configuration, IServiceCollection services)
    {
        Configuration = configuration;
        _services = services;
    }

    /// <summary>The app's configuration before the sandbox adds to it: an extension seeds a key only where it says nothing.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The app's name as the workspace shows it: its bot user, its messages, the Apps sidebar.</summary>
    public string? AppName { get; set; }

    /// <summary>The slash commands the app declares (its manifest's); the composer refuses any other, as Slack does.</summary>
    public IList<string> Commands { get; } = [];

    /// <summary>What the composer suggests trying, e.g. one of <see cref="Commands"/> with its arguments.</summary>
    public string? ComposerHint { get; set; }

    /// <summary>The manifest's <c>messages_tab_read_only_enabled</c>: the app's Messages tab shows no composer.</summary>
    public bool MessagesTabReadOnly { get; set; }

    internal IReadOnlyDictionary<string, string> Settings => _settings;

    internal IReadOnlyDictionary<string, Func<string, string>> AddressSettings => _addressSettings;

    internal IReadOnlyList<SandboxChannel> Channels => _channels;

    /// <summary>Seeds configuration key <paramref name="key"/> with <paramref name="value"/> while the sandbox runs.</summary>
    public void Set(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        _settings[key] = value;
    }

    /// <summary>
    /// Seeds configuration key <paramref name="key"/> from the app's base URL (no trailing slash): first the one
    /// expected, then again once the server listens and its real address is known.
    /// </summary>
    public void SetFromAddress(string key, Func<string, string> valueFor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(valueFor);
        _addressSettings[key] = valueFor;
    }

    /// <summary>Adds a channel to the seeded workspace, with <paramref name="members"/> (ids of <see cref="SandboxSeed"/>).</summary>
    public void AddChannel(string id, string name, IEnumerable<string> members, bool isPrivate = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(members);
        _channels.Add(new SandboxChannel { Id = id, Name = name.TrimStart('#'), IsPrivate = isPrivate, Members = [.. members] });
    }

    /// <summary>Adds a side panel to the page, resolved from the app's services (registered here as a singleton).</summary>
    public void AddPanel<TPanel>()
        where TPanel : class, ISandboxPanel
    {
        _services.AddSingleton<TPanel>();
        _services.AddSingleton<ISandboxPanel>(provider => provider.GetRequiredService<TPanel>());
    }

    /// <summary>Copies what the extensions chose for the app onto <paramref name="options"/>, before configuration may override it.</summary>
    internal void ApplyTo(SandboxOptions options)
    {
        if (!string.IsNullOrWhiteSpace(AppName))
        {
            options.AppName = AppName;
        }

        foreach (var command in Commands.Where(c => !options.Commands.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            options.Commands.Add(command);
        }

        if (!string.IsNullOrWhiteSpace(ComposerHint))
        {
            options.ComposerHint = ComposerHint;
        }

        options.MessagesTabReadOnly |= MessagesTabReadOnly;
    }
}
