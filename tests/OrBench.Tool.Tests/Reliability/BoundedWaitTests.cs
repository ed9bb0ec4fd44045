using FluentAssertions;
using OrBench.TestSupport.Hostile;
using OrBench.TestSupport.OpenAi;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Reliability;

/// <summary>Issue 15 rows 10 and 14: waits bounded by the request's time, and a run against a dead or key-less endpoint stops early.</summary>
public sealed class BoundedWaitTests
{
    [Fact]
    public async Task An_absurd_retry_after_is_not_waited_for_and_the_error_names_the_wait()
    {
        await using var hostile = await HostileRun.StartAsync(HostileMode.AbsurdRetryAfter);

        var outcome = await hostile.RunAsync(null, "--out", "out", "--timeout", "30");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        hostile.Server.Calls.Should().Be(3, "a wait beyond --max-retry-after (default --timeout) is not retried");
        OutputFiles.Records(hostile.Directory.Combine("out")).Should().OnlyContain(r =>
            r.GetProperty("error").GetString()!.Contains("the server asked to wait a day or more (Retry-After), more than the longest wait allowed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retry_after_within_the_bound_is_waited_for_and_the_progress_says_so()
    {
        var options = new OpenAiStubOptions { Faults = StubFaults.FirstAttempts(1, StubFault.RateLimited), RetryAfter = TimeSpan.FromMilliseconds(20) };
        await using var stub = await OpenAiStubServer.StartAsync(options);
        using var directory = new TempDirectory();
        var prompts = PromptFiles.Write(directory, 2);

        var outcome = await Orbench.InvokeInAsync(directory.Path, null,
            "run", "--endpoint", stub.Endpoint.ToString(), "--model", "stub-model", "--prompts", prompts, "--classifier", "keyword", "--out", "out", "--max-retry-after", "5");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.Error.Should().Contain("orbench run: waiting 0.02 s before attempt 2 of 5: HTTP 429: Rate limit reached").And.Contain("as the server asked (Retry-After)");
        OutputFiles.Records(directory.Combine("out")).Should().OnlyContain(r => r.GetProperty("outcome").GetString() == "answered");
    }

    [Fact]
    public async Task Repeated_401s_stop_the_run_early_naming_the_endpoint_and_the_unset_key_variable()
    {
        await using var hostile = await HostileRun.StartAsync(HostileMode.Unauthorized401, prompts: 20);

        var outcome = await hostile.RunAsync(null, "--out", "out", "--concurrency", "1");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        hostile.Server.Calls.Should().Be(5, "the circuit opens after five authentication failures in a row");
        outcome.Error.Should().Contain($"stopped after 5 requests in a row were refused by {hostile.Server.Endpoint}")
            .And.Contain("HTTP 401")
            .And.Contain("ORBENCH_API_KEY is not set");
        Directory.Exists(hostile.Directory.Combine("out")).Should().BeFalse("a run that never reached the model writes no results");
    }

    [Fact]
    public async Task An_endpoint_that_refuses_connections_stops_the_run_naming_it()
    {
        var server = await HostileServer.StartAsync(HostileMode.Normal);
        var endpoint = server.Endpoint;
        await server.DisposeAsync();
        using var directory = new TempDirectory();
        var prompts = PromptFiles.Write(directory, 20);

        var outcome = await Orbench.InvokeInAsync(directory.Path, new Dictionary<string, string> { ["ORBENCH_API_KEY"] = "sk-test-key-0123456789" },
            "run", "--endpoint", endpoint.ToString(), "--model", "m", "--prompts", prompts, "--classifier", "keyword", "--out", "out").WaitAsync(TimeSpan.FromMinutes(2));

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().Contain($"stopped after 5 requests in a row could not reach {endpoint}").And.Contain("is the server running");
        outcome.Error.Should().NotContain("every request failed");
    }
}
