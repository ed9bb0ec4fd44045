using FluentAssertions;
using Microsoft.Extensions.AI;
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using OrBench.Testing.Tests.EntryPoints;
using OrBench.Testing.Xunit;
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

        public static GuardrailChatClient Model { get; } = new("kill");

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
}
