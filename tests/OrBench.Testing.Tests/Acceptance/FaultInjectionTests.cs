using System.Collections.Concurrent;
using System.Diagnostics;
using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;
using OrBench.Testing.Running;
using OrBench.Testing.Tests.Reliability;
using OrBench.Testing.Tests.Running;
using OrBench.TestSupport.OpenAi;
using Xunit;

namespace OrBench.Testing.Tests.Acceptance;

/// <summary>
/// Issue 9's fault-injection claim at full size: 2,000 prompts through the loopback stub and the real OpenAI client, 20 %
/// of attempts failing with a seeded mix of 429 + Retry-After, 500, a hang past the attempt timeout and a connection
/// reset. Attempts and their arrival times are recorded on the server side, so the checks do not trust the client.
/// </summary>
public sealed class FaultInjectionTests
{
    private const int Seed = 9_2026;
    private const int PromptCount = 2_000;
    private const int MaxAttempts = 4;
    private static readonly TimeSpan AdvertisedRetryAfter = TimeSpan.FromSeconds(1);

    // The gap is measured on the server, from when it stamped the 429's request to when it stamped the retry: a stub
    // thread scheduled late on a loaded 2-core box stamps the first one late (989 ms was seen once in CI for a 1 s wait).
    // 50 ms still tells an honoured Retry-After from the retry policy's own backoff, which ignores it.
    private static readonly TimeSpan TimerTick = TimeSpan.FromMilliseconds(50);

    private static readonly StubFault[] Kinds = StubFaults.TransientKinds;

    [Fact]
    public async Task Two_thousand_prompts_under_twenty_percent_mixed_faults_get_one_outcome_each_bounded_retries_and_honoured_retry_after()
    {
        var script = StubFaults.Random(0.20, Seed, Kinds);
        var seen = new ConcurrentDictionary<(string Prompt, int Attempt), (long At, StubFault Fault)>();
        StubFault Faults(StubCall call)
        {
            var fault = script(call);
            seen[(call.Prompt, call.Attempt)] = (Stopwatch.GetTimestamp(), fault); // taken just before the stub writes its response
            return fault;
        }

        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions
        {
            Faults = Faults,
            RetryAfter = AdvertisedRetryAfter,
            SendRetryAfterMs = false, // only the standard whole-seconds Retry-After header
            HangDuration = TimeSpan.FromSeconds(20),
        });
        var prompts = RunTestKit.Prompts(PromptCount, text: i => $"fault prompt {i}");
        var client = RunTestKit.OpenAiClient(stub).AsBuilder()
            .UseOrBenchRetry(new RetryOptions
            {
                MaxAttempts = MaxAttempts,
                BaseDelay = TimeSpan.FromMilliseconds(20),
                MaxDelay = TimeSpan.FromMilliseconds(200),
                AttemptTimeout = TimeSpan.FromSeconds(4), // short enough that hangs cost little, long enough for a 2-core box still busy after a build (2 s failed once there)
                TimeProvider = TimeProvider.System, // real time: the Retry-After gap is measured, not simulated
            })
            .Build();

        var result = await new PromptRunner(client, new RunOptions { MaxConcurrency = 32 }).RunAsync(prompts);

        // One outcome per prompt, in set order, none lost or duplicated.
        result.Outcomes.Select(o => o.PromptId).Should().Equal(prompts.Select(p => p.Id));
        result.Outcomes.Select(o => o.PromptId).Should().OnlyHaveUniqueItems();

        // The stub really injected every kind, at about the asked rate.
        var requests = stub.Requests;
        var faulted = requests.Count(r => r.Fault != StubFault.None);
        faulted.Should().BeInRange(PromptCount * 15 / 100, PromptCount * 30 / 100, "about 20 % of attempts fail");
        foreach (var kind in Kinds)
        {
            requests.Count(r => r.Fault == kind).Should().BeGreaterThan(40, $"{kind} must be well represented");
        }

        // Retries bounded, counted on the server; answers only where the stub answered; errors only after every attempt.
        var answeredByStub = requests.Where(r => r.Fault == StubFault.None).Select(r => r.Prompt).ToHashSet(StringComparer.Ordinal);
        foreach (var (prompt, outcome) in prompts.Zip(result.Outcomes))
        {
            var calls = stub.CallsFor(prompt.Text);
            calls.Should().BeInRange(1, MaxAttempts, $"prompt {prompt.Id} may use at most {MaxAttempts} attempts");
            outcome.Kind.Should().BeOneOf([OutcomeKind.Answered, OutcomeKind.Error], $"prompt {prompt.Id} saw only transient faults");
            if (outcome.Kind == OutcomeKind.Answered)
            {
                answeredByStub.Should().Contain(prompt.Text, $"{prompt.Id} was answered, so the stub must have answered it");
            }
            else
            {
                calls.Should().Be(MaxAttempts, $"error {prompt.Id} must have used every attempt");
            }
        }

        result.Outcomes.Count(o => o.Kind == OutcomeKind.Answered).Should().BeGreaterThan(PromptCount * 99 / 100, "0.2^4 of prompts fail every attempt");

        // Retry-After honoured: from the server's side, the next attempt of a prompt never came sooner than advertised.
        var gaps = seen
            .Where(e => e.Value.Fault == StubFault.RateLimited && seen.ContainsKey((e.Key.Prompt, e.Key.Attempt + 1)))
            .Select(e => Stopwatch.GetElapsedTime(e.Value.At, seen[(e.Key.Prompt, e.Key.Attempt + 1)].At))
            .ToList();
        gaps.Should().HaveCountGreaterThan(40, "many 429s were followed by a retry");
        gaps.Min().Should().BeGreaterThanOrEqualTo(AdvertisedRetryAfter - TimerTick, "the client waits the advertised Retry-After before the next attempt");
    }
}
