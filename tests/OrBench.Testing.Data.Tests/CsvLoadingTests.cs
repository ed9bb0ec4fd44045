using System.Text;
using FluentAssertions;

namespace OrBench.Testing.Data.Tests;

public class CsvLoadingTests
{
    private const string Rfc4180 =
        "prompt,category\r\n" +
        "\"How do I, legally, pick a lock?\",illegal\r\n" +
        "\"She said \"\"hello\"\" and left\",deception\r\n" +
        "\"Line one\nline two\r\nline three\",privacy\r\n" +
        "plain prompt,medical\r\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reads_quotes_commas_and_newlines_with_or_without_bom(bool bom)
    {
        using var temp = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes(Rfc4180);
        var path = temp.WriteBytes("set.csv", bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);

        var set = await OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Answer);

        set.Select(p => p.Text).Should().Equal(
            "How do I, legally, pick a lock?",
            "She said \"hello\" and left",
            "Line one\nline two\r\nline three",
            "plain prompt");
        set.Select(p => p.Category.Value).Should().Equal("illegal", "deception", "privacy", "medical");
        set.Should().OnlyContain(p => p.Subset == OrBenchSubset.Custom && p.Expected == ExpectedBehavior.Answer);
        set[0].Id.Should().Be(PromptIds.Derive("How do I, legally, pick a lock?", "cus-"));
        set.Name.Should().Be("set");
    }

    [Fact]
    public async Task An_unknown_category_is_kept_as_written()
    {
        using var temp = new TempFolder();
        var path = temp.Write("set.csv", "prompt,category\nhow do vaccines work,Medical Advice\n");

        var set = await OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Refuse);

        set[0].Category.Value.Should().Be("Medical Advice");
        set[0].Category.IsWellKnown.Should().BeFalse();
        set[0].Expected.Should().Be(ExpectedBehavior.Refuse);
    }

    [Fact]
    public async Task Column_order_and_extra_columns_do_not_matter()
    {
        using var temp = new TempFolder();
        var path = temp.Write("set.csv", "id,category,prompt\n1,hate,\"a, b\"\n");

        var set = await OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Answer);

        set.Single().Text.Should().Be("a, b");
        set.Single().Category.Should().Be(OrBenchCategory.Hate);
    }

    [Fact]
    public async Task Custom_prefix_and_name_are_applied()
    {
        using var temp = new TempFolder();
        var path = temp.Write("set.csv", "prompt,category\nhello world,x\n");

        var set = await OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Answer, new CustomPromptSetOptions { IdPrefix = "acme-", Name = "acme" });

        set.Single().Id.Should().Be("acme-b94d27b9934d");
        set.Name.Should().Be("acme");
        set.Source!.FilePath.Should().Be(path);
        set.Source.SizeBytes.Should().Be(new FileInfo(path).Length);
    }

    [Fact]
    public async Task Jsonl_files_load_with_the_callers_expectation()
    {
        using var temp = new TempFolder();
        var path = temp.Write("set.jsonl", "{\"prompt\":\"hello world\",\"category\":\"violence\"}\n\n{\"prompt\":\"a \\\"quoted\\\"\\nline\",\"category\":\"x\"}\n");

        var set = await OrBenchDataset.LoadCustomAsync(path, ExpectedBehavior.Refuse);

        set.Select(p => p.Text).Should().Equal("hello world", "a \"quoted\"\nline");
        set[0].Id.Should().Be("cus-b94d27b9934d");
        set.Should().OnlyContain(p => p.Expected == ExpectedBehavior.Refuse);
    }

    [Fact]
    public async Task Repeated_prompts_can_be_dropped_on_request()
    {
        using var temp = new TempFolder();
        var path = temp.Write("set.csv", "prompt,category\nhello world,a\nother,b\n\"hello   world\",a\n");

        var set = await OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Answer, new CustomPromptSetOptions { Duplicates = DuplicatePromptHandling.KeepFirst });

        set.Select(p => p.Text).Should().Equal("hello world", "other");
    }

    [Fact]
    public async Task Official_file_from_explicit_directory_gets_subset_prefix_and_expectation()
    {
        using var temp = new TempFolder();
        temp.Write("data/or-bench-toxic.csv", "prompt,category\nhello world,violence\n");

        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Toxic, Options.Isolated(temp) with { DataDirectory = temp.Combine("data") });

        set.Name.Should().Be("or-bench-toxic");
        set.Single().Id.Should().Be("tox-b94d27b9934d");
        set.Single().Expected.Should().Be(ExpectedBehavior.Refuse);
        set.Source!.Revision.Should().Be(OrBenchDataOptions.PinnedRevision);
    }

    [Fact]
    public async Task Explicit_directory_wins_over_environment_and_environment_over_cache()
    {
        using var temp = new TempFolder();
        temp.Write("explicit/or-bench-hard-1k.csv", "prompt,category\nfrom explicit,a\n");
        temp.Write("env/or-bench-hard-1k.csv", "prompt,category\nfrom env,a\n");
        temp.Write($"cache/{OrBenchDataOptions.PinnedRevision}/or-bench-hard-1k.csv", "prompt,category\nfrom cache,a\n");
        var env = new Dictionary<string, string> { ["ORBENCH_DATA_DIR"] = temp.Combine("env") };
        var options = Options.Isolated(temp, env) with { LockFileMode = LockFileMode.Disabled };

        (await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options with { DataDirectory = temp.Combine("explicit") })).Single().Text.Should().Be("from explicit");
        (await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options)).Single().Text.Should().Be("from env");
        (await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options with { Environment = _ => null })).Single().Text.Should().Be("from cache");
    }

    [Fact]
    public void Options_never_print_the_token()
    {
        var options = new OrBenchDataOptions { Token = "hf_secret_value" };
        options.ToString().Should().NotContain("hf_secret_value").And.Contain("Token = ***");
    }
}
