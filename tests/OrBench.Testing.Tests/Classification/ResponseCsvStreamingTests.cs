using System.Globalization;
using System.Text;
using FluentAssertions;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Csv;
using OrBench.Testing.Classification.Keywords;
using Xunit;

namespace OrBench.Testing.Tests.Classification;

/// <summary>
/// <c>orbench classify</c>'s CSV streams in blocks of about a megabyte: records, quoted fields and errors that cross a
/// block's end, a record larger than a block, and parallel classification must give the same bytes as one pass.
/// </summary>
public sealed class ResponseCsvStreamingTests : IDisposable
{
    private const string Suffix = ",direct_answer,false,0.8,keyword";
    private readonly string _directory = Directory.CreateTempSubdirectory("orbench-csv-stream-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Thousands_of_multi_line_rows_over_many_blocks_come_out_in_order_with_their_bytes(int concurrency)
    {
        var rows = Enumerable.Range(0, 6000).Select(Row).ToList();
        var input = await WriteAsync("in.csv", "id,prompt,response\n" + string.Concat(rows.Select(r => r + "\n")));
        var output = Path.Combine(_directory, "out.csv");

        var summary = await new ResponseCsvClassifier(KeywordClassifier.Default, concurrency).ClassifyFileAsync(input, output);

        summary.Rows.Should().Be(6000);
        (await File.ReadAllTextAsync(output)).Should().Be(
            "id,prompt,response,verdict,refused,confidence,classifier\n" + string.Concat(rows.Select(r => r + Suffix + "\n")));
    }

    [Fact]
    public async Task A_record_larger_than_a_block_is_read_whole()
    {
        var huge = "\"Here is the text:\n" + new string('x', (ResponseCsvClassifier.BlockBytes * 5) / 2) + ", done.\"";
        var input = await WriteAsync("in.csv", $"prompt,response\nfirst,ok\nbig,{huge}\nlast,ok\n");
        var output = Path.Combine(_directory, "out.csv");

        var summary = await new ResponseCsvClassifier(KeywordClassifier.Default).ClassifyFileAsync(input, output);

        summary.Rows.Should().Be(3);
        (await File.ReadAllTextAsync(output)).Should().Be(
            $"prompt,response,verdict,refused,confidence,classifier\nfirst,ok{Suffix}\nbig,{huge}{Suffix}\nlast,ok{Suffix}\n");
    }

    [Fact]
    public async Task A_bad_row_far_past_the_first_block_names_its_own_line()
    {
        var rows = Enumerable.Range(0, 3000).Select(Row).ToList();
        var lines = 1 + rows.Sum(r => r.Count(c => c == '\n') + 1);
        var input = await WriteAsync("in.csv", "id,prompt,response\n" + string.Concat(rows.Select(r => r + "\n")) + "only,two\n");

        var act = () => new ResponseCsvClassifier(KeywordClassifier.Default, 4).ClassifyFileAsync(input, Path.Combine(_directory, "o.csv"));

        var error = (await act.Should().ThrowAsync<ResponseCsvException>()).Which;
        error.Line.Should().Be(lines + 1);
        error.Message.Should().Contain("expected 3 columns, found 2");
        Directory.GetFiles(_directory).Select(Path.GetFileName).Should().Equal(["in.csv"], "nothing is left behind");
    }

    [Fact]
    public async Task A_byte_that_is_not_utf8_far_past_the_first_block_names_its_line_and_offset()
    {
        var head = "prompt,response\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"p{i},\"{new string('y', 700)}\"\n"));
        var bytes = Encoding.UTF8.GetBytes(head).Concat("q,caf"u8.ToArray()).Append((byte)0xE9).Concat("\n"u8.ToArray()).ToArray();
        var input = Path.Combine(_directory, "in.csv");
        await File.WriteAllBytesAsync(input, bytes);

        var act = () => new ResponseCsvClassifier(KeywordClassifier.Default).ClassifyFileAsync(input, Path.Combine(_directory, "o.csv"));

        var error = (await act.Should().ThrowAsync<ResponseCsvException>()).Which;
        error.Line.Should().Be(2002);
        error.Message.Should().Contain("0xE9").And.Contain($"byte offset {(bytes.Length - 2).ToString(CultureInfo.InvariantCulture)}");
    }

    [Fact]
    public async Task An_unterminated_quote_near_the_end_names_the_line_it_opens_on()
    {
        var rows = string.Concat(Enumerable.Range(0, 2000).Select(i => $"p{i},\"{new string('z', 700)}\"\n"));
        var input = await WriteAsync("in.csv", "prompt,response\n" + rows + "last,\"never\nclosed\n");

        var act = () => new ResponseCsvClassifier(KeywordClassifier.Default).ClassifyFileAsync(input, Path.Combine(_directory, "o.csv"));

        var error = (await act.Should().ThrowAsync<ResponseCsvException>()).Which;
        error.Line.Should().Be(2002);
        error.Message.Should().Contain("unterminated quote");
    }

    [Fact]
    public async Task Cells_that_would_run_as_formulas_are_neutralised_unless_raw_is_asked_for()
    {
        const string csv =
            "prompt,response,note\n" +
            "=1+1,\"=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\",-3\n" +
            "+cmd|' /C calc'!A0,@SUM(A1:A9),\"\tindented\"\n" +
            "fine,\"\r\nstarts with a line break\",plain\n";
        var input = await WriteAsync("in.csv", csv);
        var safe = Path.Combine(_directory, "safe.csv");
        var raw = Path.Combine(_directory, "raw.csv");
        var classifier = new FixedClassifier(new RefusalVerdict(VerdictLabel.DirectAnswer, 0.25, "offline"), "offline");

        await new ResponseCsvClassifier(classifier).ClassifyFileAsync(input, safe);
        await new ResponseCsvClassifier(classifier) { NeutralizeCells = false }.ClassifyFileAsync(input, raw);

        (await File.ReadAllTextAsync(safe)).Should().Be(
            "prompt,response,note,verdict,refused,confidence,classifier\n" +
            "'=1+1,\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\",'-3,direct_answer,false,0.25,offline\n" +
            "'+cmd|' /C calc'!A0,'@SUM(A1:A9),'\tindented,direct_answer,false,0.25,offline\n" +
            "fine,\"'\r\nstarts with a line break\",plain,direct_answer,false,0.25,offline\n");
        (await File.ReadAllTextAsync(raw)).Should().Be(
            "prompt,response,note,verdict,refused,confidence,classifier\n" +
            "=1+1,\"=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\",-3,direct_answer,false,0.25,offline\n" +
            "+cmd|' /C calc'!A0,@SUM(A1:A9),\tindented,direct_answer,false,0.25,offline\n" +
            "fine,\"\r\nstarts with a line break\",plain,direct_answer,false,0.25,offline\n");
    }

    [Theory]
    [InlineData(1.0 / 3, "0.3333")]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(1.7, "1")]
    [InlineData(double.NaN, "0")]
    public async Task Confidence_is_written_between_0_and_1_with_at_most_four_decimals(double confidence, string written)
    {
        var input = await WriteAsync("in.csv", "prompt,response\nq,a\n");
        var output = Path.Combine(_directory, "out.csv");
        var classifier = new FixedClassifier(new RefusalVerdict(VerdictLabel.IndirectRefusal, confidence, "judge:m"), "cascade(offline>judge:m)");

        await new ResponseCsvClassifier(classifier).ClassifyFileAsync(input, output);

        (await File.ReadAllLinesAsync(output))[1].Should().Be($"q,a,indirect_refusal,true,{written},cascade");
    }

    [Theory]
    [InlineData("keyword:default", "keyword")]
    [InlineData("offline", "offline")]
    [InlineData("judge:gpt-4o", "judge")]
    [InlineData("cascade(offline>judge:m)", "cascade")]
    public void The_classifier_column_holds_the_short_name(string name, string expected) =>
        ResponseCsvClassifier.ShortName(name).Should().Be(expected);

    [Fact]
    public async Task Quotes_the_output_does_not_need_are_dropped_and_needed_ones_kept()
    {
        var input = await WriteAsync("in.csv", "\"prompt\",\"response\"\n\"plain\",\"a, b\"\n");
        var output = Path.Combine(_directory, "out.csv");

        await new ResponseCsvClassifier(KeywordClassifier.Default).ClassifyFileAsync(input, output);

        (await File.ReadAllTextAsync(output)).Should().Be("prompt,response,verdict,refused,confidence,classifier\nplain,\"a, b\"" + Suffix + "\n");
    }

    /// <summary>A row whose response is quoted, spans lines and holds commas and doubled quotes; the output keeps it byte for byte.</summary>
    private static string Row(int i) => i % 3 == 0
        ? $"r{i},\"How do I bake loaf {i}, quickly?\",\"Sure! Step 1: mix, knead.\nStep 2: say \"\"done\"\" ({new string('b', i % 900)}).\""
        : $"r{i},prompt {i},Here is answer {i} {new string('a', 200 + (i % 700))}";

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    private sealed class FixedClassifier(RefusalVerdict verdict, string name) : IRefusalClassifier
    {
        public string Name => name;

        public ValueTask<RefusalVerdict> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken = default) => ValueTask.FromResult(verdict);
    }
}
