using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using OrBench.Testing.Tests.Running;
using OrBench.TestSupport.OpenAi;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

public sealed class FaultToleranceTests
{
    private const int Seed = 20_240_531;
    private const int MaxAttempts = 3;
    private static readonly StubFault[] Kinds = StubFaults.TransientKinds;

    [Fact]
    public async Task Twenty_percent_transient_faults_leave_exactly_one_outcome_per_prompt_and_errors_only_where_retries_ran_out()
    {
        // 20 % of attempts fail, with a mix of kinds; eight prompts fail every time so some retries must run out.
        var faults = StubFaults.FirstOf(
            StubFaults.WhenPromptContains("[always]", StubFault.ServerError),
            StubFaults.Random(0.20, Seed, Kinds));
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions { Faults = faults, HangDuration = TimeSpan.FromSeconds(20) });
        var prompts = RunTestKit.Prompts(300, text: i => i % 40 == 7 ? $"prompt {i} [always]" : $"prompt {i}");
        var client = RunTestKit.OpenAiClient(stub).AsBuilder()
            .UseOrBenchRetry(new RetryOptions
            {
                MaxAttempts = MaxAttempts,
                TimeProvider = new InstantTimeProvider(),
                AttemptTimeout = TimeSpan.FromSeconds(3), // generous: a loaded CI machine must not turn a normal answer into a timeout
            })
            .Build();

        var result = await new PromptRunner(client, new RunOptions { MaxConcurrency = 16 }).RunAsync(prompts);

        result.Outcomes.Select(o => o.PromptId).Should().Equal(prompts.Select(p => p.Id), "exactly one outcome per prompt, in set order, none lost or duplicated");
        var errors = result.Outcomes.Where(o => o.Kind == OutcomeKind.Error).Select(o => o.PromptId).ToList();
        result.Outcomes.Where(o => o.Kind != OutcomeKind.Error).Should().OnlyContain(o => o.Kind == OutcomeKind.Answered);
        stub.Requests.Count(r => r.Fault != StubFault.None).Should().BeGreaterThan(300 * 15 / 100, "the stub really injected about 20 % faults");

        // Errors exactly where retries ran out: the prompts that fail every time, plus those whose every attempt
        // happened to fail (the script is a pure function of seed, prompt and attempt, so this is known up front).
        var expectedErrors = prompts
            .Where(p => Enumerable.Range(1, MaxAttempts).All(a => faults(new StubCall(p.Text, a, 0)) != StubFault.None))
            .Select(p => p.Id)
            .ToList();
        expectedErrors.Should().HaveCountGreaterThan(8, "besides the eight prompts that always fail, some must run out of retries by chance");
        errors.Should().Equal(expectedErrors);

        // And from the server's side: an errored prompt used every attempt and was never answered; every other prompt was.
        var answeredByStub = stub.Requests.Where(r => r.Fault == StubFault.None).Select(r => r.Prompt).ToHashSet();
        foreach (var prompt in prompts)
        {
            var errored = errors.Contains(prompt.Id);
            answeredByStub.Contains(prompt.Text).Should().Be(!errored, $"prompt {prompt.Id} was {(errored ? "an error" : "answered")}");
            if (errored)
            {
                stub.CallsFor(prompt.Text).Should().Be(MaxAttempts, $"error {prompt.Id} must have used every attempt");
            }
        }
    }
}
