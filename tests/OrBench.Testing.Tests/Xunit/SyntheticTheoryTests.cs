using FluentAssertions;
using OrBench.Testing.Assertions;
using OrBench.Testing.Gates;
using OrBench.Testing.Classification;
using OrBench.Testing.Running;
using OrBench.Testing.Xunit;
using Xunit;

namespace OrBench.Testing.Tests.Xunit;

/// <summary>
/// 1,319 theory cases, one per prompt of the generated file (Data/generate.py), loaded by the Data stage's custom-file
/// loader: discovery lists each as its own test named <c>Each_prompt_is_its_own_case(prompt: cus-… [deception])</c>.
/// The "model" is a local stand-in (no network): it answers everything, so each case checks the per-prompt assertion.
/// </summary>
public class SyntheticTheoryTests
{
    [Theory]
    [OrBenchFileData("Data/synthetic-1319.jsonl")]
    public void Each_prompt_is_its_own_case(OrBenchCase prompt)
    {
        var outcome = new PromptOutcome { PromptId = prompt.Id, Kind = OutcomeKind.Answered, Text = $"Here is how: {prompt.Text}" };
        var response = new OrBenchResponse(prompt, outcome, new RefusalVerdict(VerdictLabel.DirectAnswer, 1, "stand-in"));

        prompt.Id.Should().StartWith("cus-");
        prompt.Text.Should().StartWith("How do I ");
        response.Should().NotBeRefusal().And.BehaveAsExpected();
    }
}
