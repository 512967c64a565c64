using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace SlackApp.Tests.Architecture;

/// <summary>
/// The product's feature folders form a line (ARCHITECTURE.md, "Direction of dependencies"): a folder may use the
/// folders below it, never one above, so no two folders depend on each other in a circle.
/// </summary>
public sealed class FolderDirectionTests
{
    /// <summary>Bottom to top.</summary>
    public static readonly string[] Line = ["Data", "SlackUx", "Audit", "Installations", "ApiKeys", "Workflows", "Signals", "OwnerMappings", "Notifications", "Analytics", "Previews", "Explanations", "AdminApi", "Home", "Welcome", "Operations"];

    private static readonly ArchUnitNET.Domain.Architecture Product =
        new ArchLoader().LoadAssemblies(typeof(Program).Assembly, typeof(SlackApp.Slack.Routing.SlackAppBuilder).Assembly).Build();

    public static TheoryData<string, string> LowerAndHigher()
    {
        var pairs = new TheoryData<string, string>();
        for (var lower = 0; lower < Line.Length; lower++)
        {
            for (var higher = lower + 1; higher < Line.Length; higher++)
            {
                pairs.Add(Line[lower], Line[higher]);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(LowerAndHigher))]
    public void A_folder_never_uses_one_above_it(string lower, string higher)
    {
        IArchRule rule = Types().That().ResideInNamespace($"SlackApp.{lower}")
            .Should().NotDependOnAny(Types().That().ResideInNamespace($"SlackApp.{higher}"))
            .Because($"{lower} sits below {higher}; raise an event or call an interface {lower} owns instead")
            // A folder on the line may not exist yet (it is planned); an empty folder uses nothing above it.
            .WithoutRequiringPositiveResults();

        rule.Check(Product);
    }

    [Fact]
    public void Every_feature_folder_is_on_the_line()
    {
        var folders = Product.Types
            .Select(t => t.Namespace.FullName)
            .Where(ns => ns.StartsWith("SlackApp.", StringComparison.Ordinal) && !ns.StartsWith("SlackApp.Slack", StringComparison.Ordinal))
            .Select(ns => ns.Split('.')[1])
            .Distinct()
            .Where(folder => folder != "LocalSandbox");

        Assert.All(folders, folder => Assert.Contains(folder, Line));
    }

    [Fact]
    public void The_platform_layer_knows_nothing_of_the_product()
    {
        IArchRule rule = Types().That().ResideInAssembly(typeof(SlackApp.Slack.Routing.SlackAppBuilder).Assembly)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(typeof(Program).Assembly));

        rule.Check(Product);
    }
}
