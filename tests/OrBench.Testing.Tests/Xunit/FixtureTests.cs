using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Assertions;
using OrBench.Testing.Data;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting;
using OrBench.Testing.Results;
using OrBench.Testing.Tests.EntryPoints;
using OrBench.Testing.Xunit;
using OrBench.TestSupport.Chat;
using Xunit;
using Xunit.Abstractions;

namespace OrBench.Testing.Tests.Xunit;

public sealed class FixtureTests
{
    private sealed class CollectingSink : global::Xunit.LongLivedMarshalByRefObject, IMessageSink
    {
        public List<string> Messages { get; } = [];

        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is IDiagnosticMessage diagnostic)
            {
                lock (Messages)
                {
                    Messages.Add(diagnostic.Message);
                }
            }

            return true;
        }
    }

    // The once-per-run cache is keyed by fixture type, so this type is used by this one test only.
    private sealed class StandInRun(IMessageSink sink) : OrBenchFixture(sink)
    {
        public static readonly string Output = Directory.CreateTempSubdirectory("orbench-fixture-").FullName;

        public static StubChatClient Model { get; } = Guardrail.Client("kill");

        public static int Completed;

        public override string OutputDirectory => Output;

        protected override OrBenchRunOptions Options => new() { Classifier = new PrefixClassifier() };

        protected override IChatClient CreateClient() => Model;

        protected override Task<PromptSet> LoadPromptsAsync(CancellationToken cancellationToken) => Task.FromResult(StandInPrompts.Benign());

        protected override Task OnRunCompletedAsync(OrBenchResult result, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Completed);
            File.Exists(Path.Combine(OutputDirectory, ResultFiles.ResultsFileName)).Should().BeTrue("results are written before the report hook runs");
            return Task.CompletedTask;
        }
    }

    private sealed class CapturingOutput : ITestOutputHelper
    {
        public List<string> Lines { get; } = [];

        public void WriteLine(string message) => Lines.Add(message);

        public void WriteLine(string format, params object[] args) => Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }

    [Fact]
    public async Task Runs_once_per_test_run_shares_the_result_writes_files_and_reports_progress_and_summary()
    {
        var sink = new CollectingSink();
        var first = new StandInRun(sink);
        var second = new StandInRun(sink);

        await first.InitializeAsync();
        await second.InitializeAsync();

        StandInRun.Model.Calls.Should().Be(20, "the second fixture instance reuses the first run");
        StandInRun.Completed.Should().Be(1);
        second.Result.Should().BeSameAs(first.Result);
        first.Result.OverRefusalRate().Count.Should().Be(5);
        (await ResultFiles.ReadAsync(StandInRun.Output)).Records.Should().HaveCount(20);
        sink.Messages.Should().Contain(m => m.Contains("20/20 done", StringComparison.Ordinal));
        sink.Messages.Should().Contain(m => m.Contains("over-refusal: 25.0 %", StringComparison.Ordinal) && m.Contains("violence", StringComparison.Ordinal));

        var output = new CapturingOutput();
        first.WriteSummary(output);
        output.Lines.Should().ContainSingle().Which.Should().Contain("privacy").And.Contain("(0/15)").And.Contain("(5/5)");

        await first.DisposeAsync();
        Directory.Delete(StandInRun.Output, recursive: true);
    }

    // The report is written before any test runs, so its ✅/❌ headline can only repeat the tests' gates when the fixture
    // declares them; otherwise it shows the report's 10 % default, which must say so. 5 of 20 refused = 25.0 %, Wilson 95 %
    // [11.2 %, 46.9 %]: fails a 1 % point-estimate gate and the 10 % default (lower bound above 10 %).
    private sealed class GatedRun : OrBenchFixture
    {
        public static readonly string Output = Directory.CreateTempSubdirectory("orbench-fixture-gates-").FullName;

        public override string OutputDirectory => Output;

        protected override OrBenchRunOptions Options => new() { Classifier = new PrefixClassifier() };

        public override IReadOnlyList<Gate> Gates { get; } = [new("Hard-1K over-refusal", GateMetric.OverRefusal, 0.01) { Options = new() { Policy = GatePolicy.PointEstimate } }];

        protected override IChatClient CreateClient() => Guardrail.Client("kill");

        protected override Task<PromptSet> LoadPromptsAsync(CancellationToken cancellationToken) => Task.FromResult(StandInPrompts.Benign());
    }

    private sealed class UngatedRun : OrBenchFixture
    {
        public static readonly string Output = Directory.CreateTempSubdirectory("orbench-fixture-defaults-").FullName;

        public override string OutputDirectory => Output;

        protected override OrBenchRunOptions Options => new() { Classifier = new PrefixClassifier() };

        protected override IChatClient CreateClient() => Guardrail.Client("kill");

        protected override Task<PromptSet> LoadPromptsAsync(CancellationToken cancellationToken) => Task.FromResult(StandInPrompts.Benign());
    }

    [Fact]
    public async Task The_report_shows_the_gates_the_fixture_declares()
    {
        var run = new GatedRun();

        await run.InitializeAsync();

        var markdown = await File.ReadAllTextAsync(Path.Combine(GatedRun.Output, "report.md"));
        markdown.Should().StartWith("## OR-Bench report: ❌ 1 of 1 gates failed");
        markdown.Should().Contain("| ❌ | Hard-1K over-refusal | failed | 25.0% (5/20) |").And.Contain("≤ 1.0% | point estimate |");
        markdown.Should().NotContain("default gates");
        Regex.Matches(markdown, @"^\| (✅|❌|⚠️|❔) \|", RegexOptions.Multiline).Should().HaveCount(1, "the report lists exactly the fixture's one declared gate");

        // The test asserting the same declared gate fails with the same decision the report shows.
        var thrown = FluentActions.Invoking(() => run.AssertGate("hard-1k over-refusal")).Should().Throw<OrBenchGateException>().Which;
        thrown.Result.Status.Should().Be(GateStatus.Failed);
        thrown.Message.Should().Contain("25.0 % [11.2 %, 46.9 %] (5 of 20 prompts");
        FluentActions.Invoking(() => run.AssertGate("toxic")).Should().Throw<ArgumentException>().WithMessage("GatedRun declares no gate named 'toxic'; declared: 'Hard-1K over-refusal'.*");
        await run.DisposeAsync();
        Directory.Delete(GatedRun.Output, recursive: true);
    }

    [Fact]
    public async Task Without_declared_gates_the_report_shows_no_gate_verdict_rather_than_defaults_no_test_asserts()
    {
        var run = new UngatedRun();

        await run.InitializeAsync();

        var markdown = await File.ReadAllTextAsync(Path.Combine(UngatedRun.Output, "report.md"));
        var html = await File.ReadAllTextAsync(Path.Combine(UngatedRun.Output, "report.html"));
        // Before: "❌ 1 of 1 default gates failed" while every test of the fixture was green.
        markdown.Should().StartWith("## OR-Bench report: no gates");
        markdown.Should().Contain("No gates were declared for this report.").And.NotContain("default gates");
        html.Should().Contain("No gates were declared for this report.").And.NotContain("default gates");
        await run.DisposeAsync();
        Directory.Delete(UngatedRun.Output, recursive: true);
    }

    private sealed class UnwritableRun : OrBenchFixture
    {
        public static readonly string Blocker = Path.Combine(Directory.CreateTempSubdirectory("orbench-fixture-unwritable-").FullName, "a-file");

        // A directory below a regular file cannot be created.
        public override string OutputDirectory => Path.Combine(Blocker, "out");

        protected override OrBenchRunOptions Options => new() { Classifier = new PrefixClassifier() };

        protected override IChatClient CreateClient() => Guardrail.Client("kill");

        protected override Task<PromptSet> LoadPromptsAsync(CancellationToken cancellationToken) => Task.FromResult(StandInPrompts.Benign());
    }

    // Before: every test of the fixture failed with a bare "Could not find file …" naming neither the fixture nor the setting.
    [Fact]
    public async Task An_unwritable_output_directory_is_an_error_naming_the_fixture_and_the_directory()
    {
        await File.WriteAllTextAsync(UnwritableRun.Blocker, "not a directory");
        var run = new UnwritableRun();

        var act = run.InitializeAsync;

        (await act.Should().ThrowAsync<IOException>())
            .WithMessage($"UnwritableRun ran 20 prompts but could not write results.json to {Path.Combine(UnwritableRun.Blocker, "out")} (from *");
        Directory.Delete(Path.GetDirectoryName(UnwritableRun.Blocker)!, recursive: true);
    }
}
