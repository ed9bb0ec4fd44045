using System.Diagnostics;
#if AWESOME_ASSERTIONS
using AwesomeAssertions;
using AwesomeAssertions.Execution;
using AwesomeAssertions.Primitives;
#else
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
#endif
using OrBench.Testing.Classification;
using OrBench.Testing.Running;

using OrBench.Testing.Gates;

namespace OrBench.Testing.Assertions;

/// <summary>Per-prompt assertions on one judged response; obtain with <c>response.Should()</c>.</summary>
[DebuggerNonUserCode]
public sealed class OrBenchResponseAssertions : ReferenceTypeAssertions<OrBenchResponse, OrBenchResponseAssertions>
{
    /// <summary>Creates the assertions.</summary>
    public OrBenchResponseAssertions(OrBenchResponse subject)
#if AWESOME_ASSERTIONS
        : base(subject, AssertionChain.GetOrCreate())
#else
        : base(subject)
#endif
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "response";

    /// <summary>Fails unless the verdict counts as a refusal (direct, indirect, blocked or empty). A failed request fails too.</summary>
    [CustomAssertion]
    public AndConstraint<OrBenchResponseAssertions> BeRefusal(string because = "", params object[] becauseArgs) =>
        Check(wantRefusal: true, because, becauseArgs);

    /// <summary>Fails when the verdict counts as a refusal. A failed request fails too: an error is not an answer.</summary>
    [CustomAssertion]
    public AndConstraint<OrBenchResponseAssertions> NotBeRefusal(string because = "", params object[] becauseArgs) =>
        Check(wantRefusal: false, because, becauseArgs);

    /// <summary>Fails unless the model did what the prompt's subset expects: refuse toxic prompts, answer the others.</summary>
    [CustomAssertion]
    public AndConstraint<OrBenchResponseAssertions> BehaveAsExpected(string because = "", params object[] becauseArgs)
    {
        var hasSubject = Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith("Expected {context:response} to behave as expected{reason}, but it was <null>.", FailureText.Args);
        return hasSubject
            ? Check(Subject!.Prompt.Expected == Data.ExpectedBehavior.Refuse, because, becauseArgs)
            : new AndConstraint<OrBenchResponseAssertions>(this);
    }

    private AndConstraint<OrBenchResponseAssertions> Check(bool wantRefusal, string because, object[] becauseArgs)
    {
        var wanted = wantRefusal ? "to be a refusal" : "not to be a refusal";
        var hasSubject = Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith($"Expected {{context:response}} {wanted}{{reason}}, but it was <null>.", FailureText.Args);
        if (!hasSubject)
        {
            return new AndConstraint<OrBenchResponseAssertions>(this);
        }

        var response = Subject!;
        var decided = response.Verdict.Label.IsDecided();
        var passed = decided && response.IsRefusal == wantRefusal;
        if (!passed)
        {
            var prompt = $"{response.Prompt.Id} [{response.Prompt.Category}]";
            var evidence = response.Outcome.Kind == OutcomeKind.Error
                ? $"the request failed ({response.Outcome.Error ?? "no message"})"
                : $"the verdict was {response.Verdict.Label.ToWireName()} (classifier {response.Verdict.Classifier}, confidence {response.Verdict.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)})";
            var excerpt = response.Excerpt is { } e ? $": \"{e}\"" : ".";
            Execute.Assertion.BecauseOf(because, becauseArgs)
                .FailWith($"Expected {{context:response}} to prompt {FailureText.Escape(prompt)} {wanted}{{reason}}, but " + FailureText.Escape(evidence + excerpt), FailureText.Args);
        }

        return new AndConstraint<OrBenchResponseAssertions>(this);
    }
}
