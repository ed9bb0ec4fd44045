using FluentAssertions;
using OrBench.Testing.Generation;
using OrBench.Testing.Generation.Output;
using Xunit;

namespace OrBench.Testing.Tests.Generation;

public sealed class PromptCsvTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "orbench-csv-" + Guid.NewGuid().ToString("N"));

    public PromptCsvTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Quotes_commas_and_line_breaks_follow_RFC_4180_and_round_trip()
    {
        var path = Path.Combine(_dir, "set.csv");
        (string, string)[] rows = [("plain", "hate"), ("a, b", "self-harm"), ("say \"hi\"", "privacy"), ("line\nbreak", "sexual")];

        await PromptCsv.WriteAsync(path, rows);

        (await File.ReadAllTextAsync(path)).Should().Be(
            "prompt,category\r\nplain,hate\r\n\"a, b\",self-harm\r\n\"say \"\"hi\"\"\",privacy\r\n\"line\nbreak\",sexual\r\n");
        PromptCsv.Read(path).Should().Equal(rows);
        Directory.GetFiles(_dir).Should().ContainSingle("the temporary file is renamed into place");
    }

    [Fact]
    public async Task A_file_without_the_schema_columns_is_a_typed_error_naming_it()
    {
        var path = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(path, "text,label\nx,y\n");

        var act = () => PromptCsv.Read(path);

        act.Should().Throw<GenerationException>().WithMessage("*bad.csv*'prompt' and 'category'*").Which.Path.Should().Be(path);
    }
}
