using FluentAssertions;
using OrBench.TestSupport.Hostile;
using OrBench.Tool.Tests.Infrastructure;
using Xunit;

namespace OrBench.Tool.Tests.Reliability;

/// <summary>
/// Issue 15 rows 1, 3 and 11, and "a failure is never a verdict": whatever a broken or hostile server sends, a prompt
/// is blocked only on a structured filter signal; anything that is not a completion is a request error with a
/// one-line reason, never an empty answer (which would count as a refusal).
/// </summary>
public sealed class ProtocolViolationTests
{
    [Theory]
    [InlineData(HostileMode.NonStringContent, "choices[0].message.content is a number")]
    [InlineData(HostileMode.EmptyChoices, "empty 'choices' array")]
    [InlineData(HostileMode.Html200, "text/html instead of a JSON completion")]
    [InlineData(HostileMode.TruncatedJson, "not valid JSON (truncated or malformed")]
    [InlineData(HostileMode.ErrorIn200, "carrying an error instead of a completion: The upstream model is overloaded.")]
    public async Task A_body_that_is_no_completion_is_a_request_error_naming_what_was_wrong(HostileMode mode, string reason)
    {
        await using var hostile = await HostileRun.StartAsync(mode);

        var outcome = await hostile.RunAsync(null, "--out", "out", "--retries", "0");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.Error.Should().Contain("every request failed").And.Contain(reason);
        var records = OutputFiles.Records(hostile.Directory.Combine("out"));
        records.Should().HaveCount(3).And.OnlyContain(r => r.GetProperty("outcome").GetString() == "error", "a violation is never an empty answer");
        records.Should().OnlyContain(r => r.GetProperty("error").GetString()!.Contains(reason, StringComparison.Ordinal));
        records.Should().OnlyContain(r => !r.GetProperty("error").GetString()!.Contains('\n', StringComparison.Ordinal), "the reason is one line");
        var results = OutputFiles.Results(hostile.Directory.Combine("out"));
        results.GetProperty("requestErrors").GetInt32().Should().Be(3);
        results.GetProperty("classificationErrors").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task A_400_that_mentions_content_filters_is_a_request_error_not_a_block_and_is_not_cached()
    {
        await using var hostile = await HostileRun.StartAsync(HostileMode.ContentFilterMention400);

        var first = await hostile.RunAsync(null, "--out", "first", "--cache", "cache", "--max-over-refusal", "0.10");

        first.ExitCode.Should().Be(1, "every request failed: no rate, no gate verdict; " + first);
        var records = OutputFiles.Records(hostile.Directory.Combine("first"));
        records.Should().OnlyContain(r => r.GetProperty("outcome").GetString() == "error" && r.GetProperty("verdict").GetString() == "error");
        records.Should().OnlyContain(r => r.GetProperty("error").GetString()!.StartsWith("HTTP 400: Unsupported parameter: 'content_filter_policy'", StringComparison.Ordinal));

        var calls = hostile.Server.Calls;
        var second = await hostile.RunAsync(null, "--out", "second", "--cache", "cache");

        second.ExitCode.Should().Be(1, second.ToString());
        hostile.Server.Calls.Should().Be(2 * calls, "an error is never cached, so the second run asks again");
    }

    [Fact]
    public async Task A_structured_content_filter_finish_is_still_blocked()
    {
        await using var hostile = await HostileRun.StartAsync(HostileMode.ContentFilterFinish);

        var outcome = await hostile.RunAsync(null, "--out", "out");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        OutputFiles.Records(hostile.Directory.Combine("out")).Should().OnlyContain(r => r.GetProperty("outcome").GetString() == "blocked");
    }

    [Fact]
    public async Task A_response_above_the_size_cap_ends_as_an_error_naming_the_size()
    {
        await using var hostile = await HostileRun.StartAsync(HostileMode.HugeBody, prompts: 2);

        var capped = await hostile.RunAsync(null, "--out", "capped", "--retries", "0");

        capped.ExitCode.Should().Be(1, capped.ToString());
        var records = OutputFiles.Records(hostile.Directory.Combine("capped"));
        records.Should().OnlyContain(r => r.GetProperty("outcome").GetString() == "error");
        records.Should().OnlyContain(r => r.GetProperty("error").GetString()!.Contains("above the size cap of 1 MiB (1,048,576 bytes)", StringComparison.Ordinal));

        var raised = await hostile.RunAsync(null, "--out", "raised", "--max-response-bytes", "8388608");

        raised.ExitCode.Should().Be(0, raised.ToString());
        OutputFiles.Records(hostile.Directory.Combine("raised")).Should().OnlyContain(r => r.GetProperty("outcome").GetString() == "answered");
    }
}
