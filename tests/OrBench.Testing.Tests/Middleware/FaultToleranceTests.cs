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
    private static readonly StubFault[] Kinds = [StubFault.RateLimited, StubFault.ServerError, StubFault.Hang, StubFault.DropConnection];

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
                AttemptTimeout = TimeSpan.FromSeconds(1),
            })
            .Build();

        var result = await new PromptRunner(client, new RunOptions { MaxConcurrency = 16 }).RunAsync(prompts);

        result.Outcomes.Select(o => o.PromptId).Should().Equal(prompts.Select(p => p.Id), "exactly one outcome per prompt, in set order, none lost or duplicated");
        var expectedErrors = prompts
            .Where(p => p.Text.Contains("[always]", StringComparison.Ordinal) ||
                        Enumerable.Range(1, MaxAttempts).All(a => faults(new StubCall(p.Text, a, 0)) != StubFault.None))
            .Select(p => p.Id)
            .ToList();
        expectedErrors.Should().HaveCountGreaterThanOrEqualTo(8);
        result.Outcomes.Where(o => o.Kind == OutcomeKind.Error).Select(o => o.PromptId).Should().Equal(expectedErrors);
        result.Outcomes.Where(o => o.Kind != OutcomeKind.Error).Should().OnlyContain(o => o.Kind == OutcomeKind.Answered);
        stub.Requests.Count(r => r.Fault != StubFault.None).Should().BeGreaterThan(300 * 15 / 100, "the stub really injected about 20 % faults");
        foreach (var id in expectedErrors)
        {
            stub.CallsFor(prompts.Single(p => p.Id == id).Text).Should().Be(MaxAttempts, "an error means every attempt was used");
        }
    }
}
