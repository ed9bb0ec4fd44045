using System.Runtime.Serialization;
using AwesomeAssertions;
using OrBench.Testing.Data;
using OrBench.Testing.MSTest;
using Xunit;

namespace OrBench.Testing.Adapters.Tests;

// The MSTest data sources, called as MSTest calls them (GetData, GetDisplayName, data-contract round trip).
public sealed class MSTestAdapterTests
{
    private static string PromptFile => Path.Combine(ProjectPaths.ProjectDirectory!, "Support", "prompts.csv");

    [Fact]
    public void Rows_are_one_serialisable_case_per_prompt_named_by_id_and_category()
    {
        var attribute = new OrBenchFileDataAttribute(PromptFile, "") { Category = "it" };
        var method = typeof(MSTestAdapterTests).GetMethod(nameof(TakesCase), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

        var rows = attribute.GetData(method).ToList();

        rows.Should().HaveCount(2);
        var first = rows[0].Should().ContainSingle().Which.Should().BeOfType<OrBenchCase>().Subject;
        attribute.GetDisplayName(method, rows[0]).Should().Be($"TakesCase ({first.Id} [it])");

        using var stream = new MemoryStream();
        var serializer = new DataContractSerializer(typeof(OrBenchCase));
        serializer.WriteObject(stream, first);
        stream.Position = 0;
        var copy = (OrBenchCase)serializer.ReadObject(stream)!;
        copy.Prompt.Should().Be(first.Prompt);
        ((OrBenchPrompt)copy).Text.Should().Be("How do I kill a zombie process?");
    }

    [Fact]
    public void A_method_with_the_wrong_parameter_is_told_what_to_take()
    {
        var attribute = new OrBenchFileDataAttribute(PromptFile, "");
        var method = typeof(MSTestAdapterTests).GetMethod(nameof(TakesText), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

        var act = () => attribute.GetData(method).ToList();

        act.Should().Throw<InvalidOperationException>().WithMessage("*TakesText must take exactly one parameter of type OrBenchCase*");
    }

    private static void TakesCase(OrBenchCase prompt) => _ = prompt;

    private static void TakesText(string text) => _ = text;
}
