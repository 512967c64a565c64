using SlackApp.Home;
using SlackApp.Workflows;

namespace SlackApp.Tests.Workflows;

public sealed class WorkflowCommandLineTests
{
    [Theory]
    [InlineData("", "list", "")]
    [InlineData("workflow", "list", "")]
    [InlineData("  Workflow   LIST ", "list", "")]
    [InlineData("workflow new", "create", "")]
    [InlineData("workflow edit Execs at Closed Lost", "edit", "Execs at Closed Lost")]
    [InlineData("pause #12", "pause", "#12")]
    [InlineData("help", "help", "")]
    public void Reads_subcommand_and_argument(string text, string subcommand, string argument)
    {
        var line = WorkflowCommandLine.Parse(text);

        Assert.Equal(subcommand, line.Subcommand);
        Assert.Equal(argument, line.Argument);
    }

    [Fact]
    public void An_unknown_word_is_kept_for_the_answer()
    {
        var line = WorkflowCommandLine.Parse("workflow lsit");

        Assert.Null(line.Subcommand);
        Assert.Equal("lsit", line.Unknown);
        Assert.Equal("list", line.Suggestion);
    }

    [Theory]
    [InlineData("#12", 12L, null)]
    [InlineData("\"Execs\"", null, "Execs")]
    [InlineData("#twelve", null, "#twelve")]
    public void A_workflow_is_named_by_id_or_name(string text, long? id, string? name)
    {
        var reference = WorkflowReference.Parse(text);

        Assert.Equal(id, reference!.Id);
        Assert.Equal(name, reference.Name);
    }

    [Theory]
    [InlineData("list", "lsit", 1)]
    [InlineData("create", "craete", 1)]
    [InlineData("resume", "resum", 1)]
    [InlineData("delete", "pause", 5)]
    public void Distance_counts_edits_with_adjacent_swaps_as_one(string a, string b, int distance)
    {
        Assert.Equal(distance, DidYouMean.Distance(a, b));
    }

    [Fact]
    public void Short_words_need_a_closer_match()
    {
        Assert.Null(DidYouMean.Suggest("xy", ["new"]));
        Assert.Equal("new", DidYouMean.Suggest("nwe", ["new", "list"]));
    }

    [Theory]
    [InlineData("pause:12", WorkflowVerb.Pause, 12L)]
    [InlineData("delete:7", WorkflowVerb.Delete, 7L)]
    public void Home_menu_choices_read_back(string value, WorkflowVerb verb, long id)
    {
        Assert.Equal(new HomeMenuChoice(verb, id), HomeMenuChoice.Parse(value));
        Assert.Equal(value, HomeMenuChoice.Write(verb, id));
    }

    [Theory]
    [InlineData("drop:12")]
    [InlineData("pause:-1")]
    [InlineData("pause")]
    [InlineData(null)]
    public void Unknown_home_menu_values_are_ignored(string? value)
    {
        Assert.Null(HomeMenuChoice.Parse(value));
    }
}
