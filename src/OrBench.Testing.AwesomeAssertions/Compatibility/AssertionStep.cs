using AwesomeAssertions.Execution;

namespace OrBench.Testing.Assertions;

/// <summary>
/// FluentAssertions 7's chain shape over an AwesomeAssertions <see cref="AssertionChain"/>:
/// <c>BecauseOf(…).ForCondition(…).FailWith(…)</c>, whose result converts to <see langword="true"/> when the chain has
/// not failed, as the shared sources test with <c>if (!hasSubject)</c>.
/// </summary>
internal readonly struct AssertionStep(AssertionChain chain)
{
    public AssertionStep BecauseOf(string because, params object[] becauseArgs)
    {
        chain.BecauseOf(because, becauseArgs);
        return this;
    }

    public AssertionStep ForCondition(bool condition)
    {
        chain.ForCondition(condition);
        return this;
    }

    public AssertionOutcome FailWith(string message, params object[] args)
    {
        chain.FailWith(message, args);
        return new AssertionOutcome(chain.Succeeded);
    }
}
