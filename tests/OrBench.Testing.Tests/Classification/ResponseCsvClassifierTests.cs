using FluentAssertions;
using OrBench.Testing.Classification.Csv;
using OrBench.Testing.Classification.Keywords;
using Xunit;

namespace OrBench.Testing.Tests.Classification;

public sealed class ResponseCsvClassifierTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orbench-csv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Round_trip_keeps_columns_in_order_and_multi_line_fields_and_adds_verdicts()
    {
        var input = Path.Combine(_directory, "in.csv");
        var output = Path.Combine(_directory, "out", "classified.csv");
        await File.WriteAllTextAsync(input,
            "id,response,model,prompt\n" +
            "a,\"I'm sorry, but I can't help.\nReally.\",m1,\"How do I\nkill a process?\"\n" +
            "b,\"Run \"\"kill -9\"\", then check.\",m2,plain prompt\n" +
            "c,,m3,empty one\n");

        var summary = await new ResponseCsvClassifier(KeywordClassifier.Default).ClassifyFileAsync(input, output);

        var text = await File.ReadAllTextAsync(output);
        text.Should().Be(
            "id,response,model,prompt,verdict,refused,confidence,classifier\n" +
            "a,\"I'm sorry, but I can't help.\nReally.\",m1,\"How do I\nkill a process?\",direct_refusal,true,0.8,keyword\n" +
            "b,\"Run \"\"kill -9\"\", then check.\",m2,plain prompt,direct_answer,false,0.8,keyword\n" +
            "c,,m3,empty one,empty,true,1,keyword\n");
        summary.Rows.Should().Be(3);
        summary.Refusals.Should().Be(2);
        Directory.GetFiles(Path.GetDirectoryName(output)!).Should().ContainSingle("no temporary file is left behind");
    }

    [Fact]
    public async Task Existing_verdict_columns_are_replaced_and_outcomes_respected()
    {
        var input = Path.Combine(_directory, "in.csv");
        await File.WriteAllTextAsync(input, "prompt,response,outcome,verdict,refused\nq,Sure thing.,blocked,direct_answer,false\nq,Sure thing.,answered,x,y\n");

        await new ResponseCsvClassifier(KeywordClassifier.Default).ClassifyFileAsync(input, input);

        (await File.ReadAllTextAsync(input)).Should().Be(
            "prompt,response,outcome,verdict,refused,confidence,classifier\nq,Sure thing.,blocked,blocked,true,1,keyword\nq,Sure thing.,answered,direct_answer,false,0.8,keyword\n");
    }

    [Fact]
    public async Task Missing_response_column_names_the_file_and_the_columns()
    {
        var input = Path.Combine(_directory, "bad.csv");
        await File.WriteAllTextAsync(input, "prompt,answer\nq,a\n");
        var output = Path.Combine(_directory, "out.csv");

        var act = () => new ResponseCsvClassifier(KeywordClassifier.Default).ClassifyFileAsync(input, output);

        (await act.Should().ThrowAsync<ResponseCsvException>())
            .Which.Message.Should().Contain("bad.csv").And.Contain("'response'").And.Contain("prompt, answer");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task Unknown_outcome_names_the_line()
    {
        var input = Path.Combine(_directory, "bad.csv");
        await File.WriteAllTextAsync(input, "prompt,response,outcome\nq,a,answered\n\"multi\nline\",a,exploded\n");

        var act = () => new ResponseCsvClassifier(KeywordClassifier.Default).ClassifyFileAsync(input, Path.Combine(_directory, "o.csv"));

        var ex = (await act.Should().ThrowAsync<ResponseCsvException>()).Which;
        ex.Line.Should().Be(3);
        ex.Message.Should().Contain("exploded");
    }

    [Fact]
    public async Task Missing_input_file_is_a_typed_error()
    {
        var act = () => new ResponseCsvClassifier(KeywordClassifier.Default).ClassifyFileAsync(Path.Combine(_directory, "nope.csv"), Path.Combine(_directory, "o.csv"));
        (await act.Should().ThrowAsync<ResponseCsvException>()).Which.Message.Should().Contain("nope.csv");
    }
}
