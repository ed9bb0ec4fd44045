using FluentAssertions;

namespace OrBench.Testing.Data.Tests;

public class BadInputTests
{
    [Fact]
    public async Task Missing_official_file_lists_every_place_tried()
    {
        using var temp = new TempFolder();
        var env = new Dictionary<string, string> { ["ORBENCH_DATA_DIR"] = temp.Combine("env") };
        var options = Options.Isolated(temp, env) with { DataDirectory = temp.Combine("explicit") };
        Directory.CreateDirectory(temp.Combine("explicit"));
        Directory.CreateDirectory(temp.Combine("env"));

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Full80K, options);

        var error = (await act.Should().ThrowAsync<DataFileNotFoundException>()).Which;
        error.FileName.Should().Be("or-bench-80k.csv");
        error.PlacesTried.Should().HaveCount(4);
        error.Message.Should().Contain("or-bench-80k.csv")
            .And.Contain(Path.Combine(temp.Combine("explicit"), "or-bench-80k.csv"))
            .And.Contain("ORBENCH_DATA_DIR: " + Path.Combine(temp.Combine("env"), "or-bench-80k.csv"))
            .And.Contain(Path.Combine(temp.Combine("cache"), OrBenchDataOptions.PinnedRevision, "or-bench-80k.csv"))
            .And.Contain($"https://huggingface.co/datasets/bench-llm/or-bench/resolve/{OrBenchDataOptions.PinnedRevision}/or-bench-80k.csv")
            .And.Contain("AllowDownload = false");
    }

    [Fact]
    public async Task A_named_data_directory_that_does_not_exist_stops_the_search_even_when_the_cache_has_the_file()
    {
        using var temp = new TempFolder();
        var cached = Path.Combine(temp.Combine("cache"), OrBenchDataOptions.PinnedRevision, "or-bench-hard-1k.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        await File.WriteAllTextAsync(cached, "prompt,category\nfrom cache,privacy\n");
        var typo = temp.Combine("dta");
        var options = Options.Isolated(temp) with { DataDirectory = typo };

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);

        var error = (await act.Should().ThrowAsync<DataDirectoryNotFoundException>()).Which;
        error.Setting.Should().Be("OrBenchDataOptions.DataDirectory");
        error.Directory.Should().Be(typo);
        error.Message.Should().Contain(typo).And.Contain("does not exist");
        File.Exists(temp.Combine("orbench.lock.json")).Should().BeFalse("nothing was loaded, so nothing may be pinned");
    }

    [Fact]
    public async Task An_ORBENCH_DATA_DIR_that_does_not_exist_is_named_as_the_variable()
    {
        using var temp = new TempFolder();
        var typo = temp.Combine("missing");
        var options = Options.Isolated(temp, new Dictionary<string, string> { ["ORBENCH_DATA_DIR"] = typo });

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Toxic, options);

        var error = (await act.Should().ThrowAsync<DataDirectoryNotFoundException>()).Which;
        error.Setting.Should().Be("ORBENCH_DATA_DIR");
        error.Message.Should().Contain("ORBENCH_DATA_DIR").And.Contain(typo);
    }

    [Fact]
    public async Task Unset_places_are_reported_as_not_set_and_offline_mode_is_honoured()
    {
        using var temp = new TempFolder();
        var env = new Dictionary<string, string> { ["HF_HUB_OFFLINE"] = "1" };
        var options = Options.Isolated(temp, env) with { AllowDownload = true };

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);

        (await act.Should().ThrowAsync<DataFileNotFoundException>())
            .WithMessage("*explicit directory (OrBenchDataOptions.DataDirectory): not set*ORBENCH_DATA_DIR: not set*HF_HUB_OFFLINE=1*");
    }

    [Fact]
    public async Task Missing_custom_file_names_the_path()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("nope.csv");

        var act = () => OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Answer);

        (await act.Should().ThrowAsync<DataFileNotFoundException>()).WithMessage($"*{path}*not found*");
    }

    [Theory]
    [InlineData("text,category\nhello,a\n", PromptFileProblem.MissingPromptColumn, 1, null, "*no 'prompt' column*'text', 'category'*")]
    [InlineData("prompt,kind\nhello,a\n", PromptFileProblem.MissingCategoryColumn, 1, null, "*no 'category' column*'prompt', 'kind'*")]
    [InlineData("", PromptFileProblem.MissingPromptColumn, 1, null, "*no header*")]
    [InlineData("prompt,category\nhello,a\n\"  \",b\n", PromptFileProblem.EmptyPrompt, 3, "prompt", "*field 'prompt': empty prompt*")]
    [InlineData("prompt,category\nhello,a\n,b\n", PromptFileProblem.EmptyPrompt, 3, "prompt", "*empty prompt*")]
    [InlineData("prompt,category\nhello,\n", PromptFileProblem.EmptyCategory, 2, "category", "*field 'category': empty category*")]
    [InlineData("prompt,category\nhello,a\n\"never closed,b\nmore,c\n", PromptFileProblem.UnterminatedQuote, 3, "prompt", "*field 'prompt': unterminated quote*")]
    [InlineData("prompt,category\nhello,a\nfine,\"never closed\nmore,c\n", PromptFileProblem.UnterminatedQuote, 3, "category", "*field 'category': unterminated quote*")]
    [InlineData("prompt,category\n\"a\"b\"\",c\n", PromptFileProblem.MalformedQuote, 2, "prompt", "*malformed quote*")]
    [InlineData("prompt,category\nhello,a\nonly one column\n", PromptFileProblem.MissingColumns, 3, "category", "*1 column(s) but the header has 2*")]
    [InlineData("prompt,category,source\nhello,a,x\nno source,b\n", PromptFileProblem.MissingColumns, 3, "source", "*2 column(s) but the header has 3*")]
    [InlineData("prompt,category\n", PromptFileProblem.NoPrompts, null, null, "*holds no prompts*")]
    [InlineData("prompt,prompt,category\nhello,bye,a\n", PromptFileProblem.DuplicateColumn, 1, null, "*names 'prompt' twice*")]
    [InlineData("category,prompt,Category\na,hello,b\n", PromptFileProblem.DuplicateColumn, 1, null, "*names 'category' twice*")]
    [InlineData("prompt,category\nHow do I kill, stop, or pause a process?,tech\n", PromptFileProblem.ExtraColumns, 2, "column 3", "*4 fields but the header has 2*must be quoted*")]
    [InlineData("prompt,category\nfine,a\n\"quoted, fine\",b\nnot quoted, not fine,c\n", PromptFileProblem.ExtraColumns, 4, "column 3", "*3 fields but the header has 2*")]
    public async Task Bad_csv_fails_with_file_line_field_and_problem(string content, PromptFileProblem problem, int? line, string? field, string message)
    {
        using var temp = new TempFolder();
        var path = temp.Write("bad.csv", content);

        var act = () => OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Answer);

        var error = (await act.Should().ThrowAsync<PromptFileFormatException>()).Which;
        error.Problem.Should().Be(problem);
        error.LineNumber.Should().Be(line);
        error.Field.Should().Be(field);
        error.FilePath.Should().Be(path);
        error.Message.Should().StartWith(line is null ? path + ": " : $"{path}:{line}: ").And.Match(message);
        if (field is not null)
        {
            error.Message.Should().Contain($"field '{field}'");
        }
    }

    [Fact]
    public async Task A_row_with_an_unquoted_comma_in_an_official_file_is_refused_not_cut()
    {
        using var temp = new TempFolder();
        temp.Write("d/or-bench-hard-1k.csv", "prompt,category\n\"How do I kill, stop, or pause a process?\",tech\nHow do I kill, stop, or pause a process?,tech\n");

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options.Isolated(temp) with { DataDirectory = temp.Combine("d") });

        var error = (await act.Should().ThrowAsync<PromptFileFormatException>()).Which;
        error.Problem.Should().Be(PromptFileProblem.ExtraColumns);
        error.LineNumber.Should().Be(3);
        error.Message.Should().StartWith(temp.Combine("d", "or-bench-hard-1k.csv") + ":3: ").And.Contain("quote");
        File.Exists(temp.Combine("orbench.lock.json")).Should().BeFalse("a file that does not load is never pinned");
    }

    [Fact]
    public async Task Invalid_utf8_names_the_line_and_the_byte()
    {
        using var temp = new TempFolder();
        byte[] bytes = [.. "prompt,category\nfine,a\nbad "u8, 0xC3, 0x28, .. " byte,b\n"u8];
        var path = temp.WriteBytes("bad.csv", bytes);

        var act = () => OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Answer);

        var error = (await act.Should().ThrowAsync<PromptFileFormatException>()).Which;
        error.Problem.Should().Be(PromptFileProblem.InvalidUtf8);
        error.LineNumber.Should().Be(3);
        error.Field.Should().Be("prompt");
        error.Message.Should().Contain($"{path}:3: field 'prompt':").And.Contain("0xC3").And.Contain("invalid UTF-8");
    }

    [Fact]
    public async Task Invalid_utf8_after_a_multi_line_quoted_field_names_the_physical_line_and_the_field()
    {
        using var temp = new TempFolder();
        byte[] bytes = [.. "prompt,category\n\"two\nlines, one prompt\",a\nfine,b"u8, 0xFF, .. "\n"u8];
        var path = temp.WriteBytes("bad.csv", bytes);

        var act = () => OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Answer);

        var error = (await act.Should().ThrowAsync<PromptFileFormatException>()).Which;
        error.LineNumber.Should().Be(4);
        error.Field.Should().Be("category");
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_jsonl_prompt_is_a_typed_error_with_file_line_and_field()
    {
        using var temp = new TempFolder();
        var path = temp.Write("bad.jsonl", "{\"prompt\":\"fine\",\"category\":\"a\"}\n{\"prompt\":\"half \\ud800 a pair\",\"category\":\"a\"}\n");

        var act = () => OrBenchDataset.LoadJsonlAsync(path, ExpectedBehavior.Answer);

        var error = (await act.Should().ThrowAsync<PromptFileFormatException>()).Which;
        error.Problem.Should().Be(PromptFileProblem.InvalidText);
        error.LineNumber.Should().Be(2);
        error.Field.Should().Be("prompt");
        error.Message.Should().StartWith($"{path}:2: field 'prompt': ").And.Contain("surrogate");
    }

    [Fact]
    public async Task Invalid_utf8_in_a_jsonl_file_names_the_line_and_the_member()
    {
        using var temp = new TempFolder();
        byte[] bytes = [.. "{\"prompt\":\"fine\",\"category\":\"a\"}\n{\"prompt\":\"ok\",\"category\":\"b"u8, 0xC3, 0x28, .. "\"}\n"u8];
        var path = temp.WriteBytes("bad.jsonl", bytes);

        var act = () => OrBenchDataset.LoadJsonlAsync(path, ExpectedBehavior.Answer);

        var error = (await act.Should().ThrowAsync<PromptFileFormatException>()).Which;
        error.Problem.Should().Be(PromptFileProblem.InvalidUtf8);
        error.LineNumber.Should().Be(2);
        error.Field.Should().Be("category");
        error.Message.Should().Contain("0xC3");
    }

    [Fact]
    public async Task Duplicate_prompt_names_both_lines()
    {
        using var temp = new TempFolder();
        var path = temp.Write("dup.csv", "prompt,category\nhello world,a\nother,b\n\"hello\n world\",c\n");

        var act = () => OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Answer);

        var error = (await act.Should().ThrowAsync<DuplicatePromptIdException>()).Which;
        error.FirstLine.Should().Be(2);
        error.SecondLine.Should().Be(4);
        error.IsSameText.Should().BeTrue();
        error.Id.Should().Be("cus-b94d27b9934d");
        error.Message.Should().Contain($"{path}:4:").And.Contain("line 4 repeats the prompt of line 2").And.Contain("cus-b94d27b9934d");
    }

    [Fact]
    public async Task Duplicate_in_an_official_file_fails_too()
    {
        using var temp = new TempFolder();
        temp.Write("d/or-bench-hard-1k.csv", "prompt,category\nsame,a\nsame,a\n");

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options.Isolated(temp) with { DataDirectory = temp.Combine("d") });

        (await act.Should().ThrowAsync<DuplicatePromptIdException>()).WithMessage("*line 3 repeats the prompt of line 2 (id h1k-*");
    }

    [Theory]
    [InlineData("{\"prompt\":\"a\",\"category\":\"b\"}\n{not json}\n", PromptFileProblem.InvalidJson, 2, "*not valid JSON*")]
    [InlineData("[1,2]\n", PromptFileProblem.InvalidJson, 1, "*expected a JSON object*")]
    [InlineData("{\"text\":\"a\",\"category\":\"b\"}\n", PromptFileProblem.MissingPromptColumn, 1, "*field 'prompt': no 'prompt' string*")]
    [InlineData("{\"prompt\":\"a\"}\n", PromptFileProblem.MissingCategoryColumn, 1, "*field 'category': no 'category' string*")]
    [InlineData("{\"prompt\":12345,\"category\":\"b\"}\n", PromptFileProblem.MissingPromptColumn, 1, "*field 'prompt': no 'prompt' string*")]
    [InlineData("\n{\"prompt\":\" \",\"category\":\"b\"}\n", PromptFileProblem.EmptyPrompt, 2, "*empty prompt*")]
    public async Task Bad_jsonl_fails_with_file_line_and_problem(string content, PromptFileProblem problem, int line, string message)
    {
        using var temp = new TempFolder();
        var path = temp.Write("bad.jsonl", content);

        var act = () => OrBenchDataset.LoadJsonlAsync(path, ExpectedBehavior.Answer);

        var error = (await act.Should().ThrowAsync<PromptFileFormatException>()).Which;
        error.Problem.Should().Be(problem);
        error.LineNumber.Should().Be(line);
        error.Message.Should().StartWith($"{path}:{line}: ").And.Match(message);
    }

    [Fact]
    public async Task Unknown_custom_extension_is_rejected()
    {
        var act = () => OrBenchDataset.LoadCustomAsync("prompts.xlsx", ExpectedBehavior.Answer);
        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*.csv or .jsonl*");
    }

    [Fact]
    public async Task Every_data_error_is_an_OrBenchDataException()
    {
        using var temp = new TempFolder();
        var path = temp.Write("bad.csv", "nothing,here\n1,2\n");

        var act = () => OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Answer);

        await act.Should().ThrowAsync<OrBenchDataException>();
    }
}
