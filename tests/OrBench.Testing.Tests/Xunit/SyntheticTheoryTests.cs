using FluentAssertions;
using OrBench.Testing.Assertions;
using OrBench.Testing.Classification;
using OrBench.Testing.Running;
using OrBench.Testing.Xunit;
using Xunit;

namespace OrBench.Testing.Tests.Xunit;

/// <summary>
/// 1,319 theory cases, one per prompt of the generated file: discovery must list each as its own test named
/// <c>Each_prompt_is_its_own_case(prompt: syn-0000 [deception])</c>. The "model" is a local stand-in (no Run stage):
/// it answers everything, so every case checks the per-prompt assertion on its own prompt.
/// </summary>
public class SyntheticTheoryTests
{
    [Theory]
    [OrBenchMemberData(nameof(SyntheticPrompts.Hard1KShaped), MemberType = typeof(SyntheticPrompts))]
    public void Each_prompt_is_its_own_case(OrBenchCase prompt)
    {
        var outcome = new PromptOutcome { PromptId = prompt.Id, Kind = OutcomeKind.Answered, Text = $"Here is how: {prompt.Text}" };
        var response = new OrBenchResponse(prompt, outcome, new RefusalVerdict(VerdictLabel.DirectAnswer, 1, "stand-in"));

        prompt.Id.Should().MatchRegex("^syn-[0-9]{4}$");
        response.Should().NotBeRefusal().And.BehaveAsExpected();
    }
}
