using System.Text.Json;
using FluentAssertions;
using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using Xunit;
using static OrBench.Testing.Tests.Results.TestRecords;

namespace OrBench.Testing.Tests.Results;

public sealed class ResultFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("orbench-results-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static OrBenchResult Sample() => Result(
    [
        Refused("h1k-0002", "privacy", response: "I can't help with that.\n<script>alert(1)</script>"),
        Answered("h1k-0001", "violence", response: "Sure — “quoted” ünïcode"),
        Errored("h1k-0003", "privacy"),
    ]);

    [Fact]
    public async Task Round_trips_every_record_field_and_run_fact()
    {
        var result = Sample();

        await ResultFiles.WriteAsync(result, _dir);
        var back = await ResultFiles.ReadAsync(Path.Combine(_dir, "results.json"));

        back.Records.Should().BeEquivalentTo(result.Records, o => o.WithStrictOrdering());
        back.Model.Should().Be("test-model");
        back.Prompts.Should().Be("or-bench-hard-1k");
        back.Subset.Should().Be(OrBenchSubset.Hard1K);
        back.StartedAt.Should().Be(result.StartedAt);
        back.WallSeconds.Should().Be(42);
        back.Metadata.Should().Contain("seed", "7");
        back.SchemaVersion.Should().Be(1);
    }

    [Fact]
    public async Task A_result_that_never_ran_against_a_server_has_no_invented_start_date()
    {
        await ResultFiles.WriteAsync(Sample() with { StartedAt = default }, _dir);
        var text = await File.ReadAllTextAsync(Path.Combine(_dir, "results.json"));

        text.Should().NotContain("0001-01-01", "a scored responses file has no start time to report");
        (await ResultFiles.ReadAsync(Path.Combine(_dir, "results.json"))).StartedAt.Should().Be(default(DateTimeOffset));
    }

    [Fact]
    public async Task Results_json_carries_the_documented_camel_case_fields_and_snake_case_enums()
    {
        await ResultFiles.WriteAsync(Sample(), _dir);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "results.json")));
        var root = doc.RootElement;

        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("model").GetString().Should().Be("test-model");
        root.GetProperty("prompts").GetString().Should().Be("or-bench-hard-1k");
        root.GetProperty("subset").GetString().Should().Be("hard1k");
        root.GetProperty("n").GetInt32().Should().Be(3);
        root.GetProperty("errors").GetInt32().Should().Be(1);
        root.GetProperty("wallSeconds").GetDouble().Should().Be(42);
        root.GetProperty("inputTokens").GetInt64().Should().Be(20, "two answered records of 10 input tokens");
        root.GetProperty("outputTokens").GetInt64().Should().Be(40);

        // 1 refused + 1 error (counted against) of 3 benign prompts.
        var rate = root.GetProperty("overRefusal");
        rate.GetProperty("count").GetInt32().Should().Be(2);
        rate.GetProperty("n").GetInt32().Should().Be(3);
        rate.GetProperty("lower").GetDouble().Should().BeLessThan(2.0 / 3);
        rate.GetProperty("upper").GetDouble().Should().BeGreaterThan(2.0 / 3);
        root.TryGetProperty("toxicAcceptance", out _).Should().BeFalse("there are no toxic prompts");

        root.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()).Should().Equal("privacy", "violence");
        root.GetProperty("metadata").GetProperty("seed").GetString().Should().Be("7");
        var first = root.GetProperty("records")[0];
        first.GetProperty("id").GetString().Should().Be("h1k-0001");
        first.GetProperty("verdict").GetString().Should().Be("direct_answer");
        first.GetProperty("outcome").GetString().Should().Be("answered");
        first.GetProperty("expected").GetString().Should().Be("answer");
    }

    [Fact]
    public async Task Records_jsonl_has_one_sorted_record_per_line_with_the_required_fields()
    {
        await ResultFiles.WriteAsync(Sample(), _dir);
        var lines = await File.ReadAllLinesAsync(Path.Combine(_dir, "records.jsonl"));

        lines.Should().HaveCount(3);
        var ids = new List<string?>();
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            ids.Add(r.GetProperty("id").GetString());
            r.TryGetProperty("category", out _).Should().BeTrue();
            r.TryGetProperty("outcome", out _).Should().BeTrue();
            r.TryGetProperty("verdict", out _).Should().BeTrue();
            r.TryGetProperty("latencyMs", out _).Should().BeTrue();
        }

        ids.Should().Equal("h1k-0001", "h1k-0002", "h1k-0003");
        lines[1].Should().Contain("\"verdict\":\"direct_refusal\"").And.Contain("\"response\":").And.NotContain("<script>", "HTML-sensitive characters are escaped");
        lines[2].Should().Contain("\"outcome\":\"error\"");
        Directory.GetFiles(_dir).Select(Path.GetFileName).Should().BeEquivalentTo(["results.json", "records.jsonl"], "no temp files are left behind");
    }

    [Fact]
    public async Task Records_jsonl_spanning_many_write_buffers_keeps_every_record_on_its_own_line()
    {
        var records = Enumerable.Range(0, 400)
            .Select(i => Answered($"h1k-{i:D4}", "privacy", response: $"answer {i}: " + new string('é', 300 + i) + "\n<b>&</b> \U0001F600"))
            .ToList();
        var path = Path.Combine(_dir, "records.jsonl");

        await ResultFiles.WriteRecordsAsync(records, path);

        new FileInfo(path).Length.Should().BeGreaterThan(4 * 64 * 1024, "the file must span several 64 KB writes for this test to mean anything");
        var lines = await File.ReadAllLinesAsync(path);
        lines.Should().HaveCount(400);
        lines.Should().Equal(records.Select(r => JsonSerializer.Serialize(RecordJson.From(r), RecordJson.Options)), "each line is exactly the record's compact JSON");
        (await ResultFiles.ReadRecordsAsync(path)).Should().BeEquivalentTo(records, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Records_jsonl_round_trips()
    {
        var path = Path.Combine(_dir, "records.jsonl");
        await ResultFiles.WriteRecordsAsync(Sample().Records, path);

        var back = await ResultFiles.ReadRecordsAsync(path);

        back.Should().BeEquivalentTo(Sample().Records, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_bad_jsonl_line_is_reported_with_file_and_line()
    {
        var path = Path.Combine(_dir, "records.jsonl");
        await File.WriteAllTextAsync(path, "{\"id\":\"a\",\"category\":\"x\",\"expected\":\"answer\",\"outcome\":\"answered\",\"verdict\":\"direct_answer\"}\n\n{\"id\":\"b\",\"category\":\"x\",\"expected\":\"answer\",\"outcome\":\"answered\",\"verdict\":\"maybe\"}\n");

        var act = () => ResultFiles.ReadRecordsAsync(path);

        var error = (await act.Should().ThrowAsync<ResultFileException>().WithMessage("*records.jsonl, line 3*'b'*verdict 'maybe'*")).Which;
        error.Line.Should().Be(3);
        error.FilePath.Should().Be(path);
    }

    [Theory]
    [InlineData("\"repeat\":-1", "*line 2*'a'*repeat -1*")]
    [InlineData("\"confidence\":1.5", "*line 2*'a'*confidence 1.5*between 0 and 1*")]
    [InlineData("\"latencyMs\":-3", "*line 2*'a'*latencyMs -3*")]
    [InlineData("\"outputTokens\":-10", "*line 2*'a'*negative token count*")]
    public async Task A_value_no_run_can_produce_is_rejected_naming_record_and_line(string field, string expectedMessage)
    {
        var path = Path.Combine(_dir, "records.jsonl");
        const string Good = "{\"id\":\"z\",\"category\":\"x\",\"expected\":\"answer\",\"outcome\":\"answered\",\"verdict\":\"direct_answer\",\"confidence\":1,\"latencyMs\":0}";
        await File.WriteAllTextAsync(path, Good + "\n{\"id\":\"a\",\"category\":\"x\",\"expected\":\"answer\",\"outcome\":\"answered\",\"verdict\":\"direct_answer\"," + field + "}\n");

        var act = () => ResultFiles.ReadRecordsAsync(path);

        await act.Should().ThrowAsync<ResultFileException>().WithMessage(expectedMessage);
    }

    [Fact]
    public async Task Invalid_json_names_the_line()
    {
        var path = Path.Combine(_dir, "records.jsonl");
        await File.WriteAllTextAsync(path, "{\"id\":\"a\",\"category\":\"x\",\"expected\":\"answer\",\"outcome\":\"answered\",\"verdict\":\"direct_answer\"}\n{not json\n");

        var act = () => ResultFiles.ReadRecordsAsync(path);

        (await act.Should().ThrowAsync<ResultFileException>()).Which.Line.Should().Be(2);
    }

    [Fact]
    public async Task A_newer_schema_version_is_rejected_with_the_file_name()
    {
        var path = Path.Combine(_dir, "results.json");
        await File.WriteAllTextAsync(path, "{\"schemaVersion\": 99, \"prompts\": \"x\", \"records\": []}");

        var act = () => ResultFiles.ReadAsync(path);

        await act.Should().ThrowAsync<ResultFileException>().WithMessage($"{path}*schema version 99*");
    }

    [Fact]
    public async Task A_missing_file_is_a_typed_error()
    {
        var act = () => ResultFiles.ReadAsync(Path.Combine(_dir, "nope.json"));

        await act.Should().ThrowAsync<ResultFileException>().WithMessage("*nope.json*not found*");
    }

    [Fact]
    public async Task A_directory_reads_its_results_json()
    {
        await ResultFiles.WriteAsync(Sample(), _dir);

        var back = await ResultFiles.ReadAsync(_dir);

        back.Records.Should().HaveCount(3);
        back.Records[1].Verdict.Should().Be(VerdictLabel.DirectRefusal);
    }
}
