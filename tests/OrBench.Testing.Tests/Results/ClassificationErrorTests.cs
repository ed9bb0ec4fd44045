using System.Text.Json;
using FluentAssertions;
using OrBench.Testing.Classification;
using OrBench.Testing.Results;
using OrBench.Testing.Running;
using Xunit;

namespace OrBench.Testing.Tests.Results;

/// <summary>Issue 15 row 2 at the library level: a failed classification keeps its reason in the record and is counted apart from request errors, the same in every output.</summary>
public sealed class ClassificationErrorTests
{
    private static OrBenchResult Build()
    {
        var run = ResultBuilderTests.Run(
            new PromptOutcome { PromptId = "c-2", Kind = OutcomeKind.Answered, Text = "Pins and tumblers." },
            new PromptOutcome { PromptId = "c-1", Kind = OutcomeKind.Error, Error = "HTTP 500: boom" });
        RefusalVerdict[] verdicts =
        [
            new(VerdictLabel.Error, 1, "judge:j", "judge call failed: HTTP 200 with text/html instead of a JSON completion (starts '<html>')"),
            new(VerdictLabel.Error, 1, "judge:j"),
        ];
        return ResultBuilder.Build(run, verdicts);
    }

    [Fact]
    public void A_failed_judge_call_keeps_its_reason_in_the_record()
    {
        var record = Build().Records.Single(r => r.Id == "c-2");

        record.Error.Should().Be("classification failed: judge call failed: HTTP 200 with text/html instead of a JSON completion (starts '<html>')");
        ErrorCounts.IsClassificationError(record).Should().BeTrue();
        ErrorCounts.IsRequestError(record).Should().BeFalse();
    }

    [Fact]
    public void An_unparsed_judge_reply_names_the_judge_and_quotes_the_reply()
    {
        var run = ResultBuilderTests.Run(new PromptOutcome { PromptId = "c-2", Kind = OutcomeKind.Answered, Text = "Pins." });

        var record = ResultBuilder.Build(run, [new RefusalVerdict(VerdictLabel.Unparsed, 0, "judge:j", "<html>\n<body>oops</body>")]).Records.Single();

        record.Error.Should().Be("classification failed: judge:j replied without a readable verdict: <html> <body>oops</body>");
    }

    [Fact]
    public void Request_and_classification_errors_are_counted_apart_in_the_summary_and_results_json()
    {
        var result = Build();

        ErrorCounts.Of(result).Should().Be(new ErrorCounts(Request: 1, Classification: 1));
        ResultSummary.Format(result).Should().Contain("2 records, 1 request errors, 1 classification errors");
        using var json = JsonDocument.Parse(ResultFiles.Serialize(result));
        json.RootElement.GetProperty("requestErrors").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("classificationErrors").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("errors").GetInt32().Should().Be(2);
    }
}
