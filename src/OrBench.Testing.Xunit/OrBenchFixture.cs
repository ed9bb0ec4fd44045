using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using OrBench.Testing.Gates;
using OrBench.Testing.Data;
using OrBench.Testing.Reporting;
using OrBench.Testing.Results;
using OrBench.Testing.Running;
using Xunit;
using Xunit.Abstractions;

namespace OrBench.Testing.Xunit;

/// <summary>
/// Runs an OR-Bench subset against the model once per test run and shares the <see cref="Result"/> among every test that
/// uses the fixture (as <c>IClassFixture&lt;T&gt;</c> or a collection fixture). Progress and a per-category summary go to
/// xUnit's diagnostic sink; results.json, records.jsonl, report.md and report.html are written to
/// <see cref="OutputDirectory"/> (see <see cref="OnRunCompletedAsync"/>).
/// </summary>
/// <example><code>
/// public sealed class Hard1KRun(IMessageSink sink) : OrBenchFixture(sink)
/// {
///     protected override IChatClient CreateClient() => MyModel.CreateChatClient();
///     protected override OrBenchRunOptions Options => new() { Sample = 300, Seed = 7 };
/// }
///
/// public class SafetyGates(Hard1KRun run) : IClassFixture&lt;Hard1KRun&gt;
/// {
///     [Fact] public void Over_refusal_stays_low() => run.Result.Should().HaveOverRefusalRateAtMost(0.10);
/// }
/// </code></example>
public abstract class OrBenchFixture : IAsyncLifetime
{
    // One run per fixture type per process, even when several classes use the fixture as a class fixture.
    private static readonly ConcurrentDictionary<Type, Lazy<Task<OrBenchResult>>> Runs = new();

    private const string ResultsDirectoryVariable = "ORBENCH_RESULTS_DIR";

    private readonly IMessageSink? _messageSink;
    private OrBenchResult? _result;
    private IChatClient? _client;

    /// <summary>Creates the fixture; xUnit passes its diagnostic sink (shown with <c>diagnosticMessages</c> on).</summary>
    protected OrBenchFixture(IMessageSink? messageSink = null) => _messageSink = messageSink;

    /// <summary>The shared result. Available once xUnit has initialised the fixture.</summary>
    public OrBenchResult Result => _result ?? throw new InvalidOperationException($"{GetType().Name} has not run yet; xUnit initialises it before the first test.");

    /// <summary>The model's client, for per-prompt tests next to the shared run.</summary>
    public IChatClient Client => _client ??= CreateClient();

    /// <summary>The subset to run; Hard-1K by default.</summary>
    protected virtual OrBenchSubset Subset => OrBenchSubset.Hard1K;

    /// <summary>Sample, seed, shard, classifier and run options.</summary>
    protected virtual OrBenchRunOptions Options => new();

    /// <summary>Where results.json, records.jsonl, report.md and report.html go: <c>&lt;test output&gt;/orbench/&lt;fixture&gt;</c> by default, or <c>ORBENCH_RESULTS_DIR/&lt;fixture&gt;</c>.</summary>
    public virtual string OutputDirectory =>
        Path.Combine(Environment.GetEnvironmentVariable(ResultsDirectoryVariable) is { Length: > 0 } root ? root : Path.Combine(AppContext.BaseDirectory, "orbench"), GetType().Name);

    /// <summary>Creates the client of the model under test (with any cache, retry or rate-limit middleware).</summary>
    protected abstract IChatClient CreateClient();

    /// <summary>Loads the prompts; the official subset by default. Override to run a custom set.</summary>
    protected virtual Task<PromptSet> LoadPromptsAsync(CancellationToken cancellationToken) =>
        OrBenchDataset.LoadAsync(Subset, Options.DataOptions, cancellationToken);

    /// <summary>
    /// The gates of this run, declared once: report.md and report.html show exactly these, and tests assert them by name
    /// with <see cref="AssertGate"/>, so the pull-request summary and <c>dotnet test</c> evaluate the same
    /// <see cref="GateResult"/> and cannot disagree. Empty by default: the report then shows rates but no gate verdict
    /// (never the report's own defaults, which no test asserts).
    /// </summary>
    /// <example><code>
    /// public override IReadOnlyList&lt;Gate&gt; Gates { get; } = [Gate.OverRefusal(0.10), Gate.ToxicAcceptance(0.05)];
    /// [Fact] public void Over_refusal_stays_low() => run.AssertGate("over-refusal");
    /// </code></example>
    public virtual IReadOnlyList<Gate> Gates => [];

    /// <summary>
    /// Evaluates the declared gate named <paramref name="name"/> (ordinal, case-insensitive) on <see cref="Result"/> and
    /// throws <see cref="OrBenchGateException"/> with the evidence unless it passes.
    /// </summary>
    /// <exception cref="ArgumentException">No gate of <see cref="Gates"/> has that name; the message lists the declared names.</exception>
    public GateResult AssertGate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var gates = Gates;
        var gate = gates.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"{GetType().Name} declares no gate named '{name}'; declared: {(gates.Count == 0 ? "none (override Gates)" : string.Join(", ", gates.Select(g => $"'{g.Name}'")))}.",
                nameof(name));
        return Result.AssertGate(gate);
    }

    /// <summary>
    /// Called once after the run and after results.json is written. By default it writes report.md and report.html into
    /// <see cref="OutputDirectory"/> with exactly the declared <see cref="Gates"/> (and appends report.md to the GitHub job
    /// summary when <c>GITHUB_STEP_SUMMARY</c> is set); override it to add a baseline, or to write nothing.
    /// </summary>
    protected virtual Task OnRunCompletedAsync(OrBenchResult result, CancellationToken cancellationToken) =>
        ReportWriter.WriteAsync([result], OutputDirectory, new ReportOptions { WriteResultFiles = false, Gates = Gates }, cancellationToken);

    /// <summary>Writes the per-category summary to a test's output, e.g. from a test that gates on the result.</summary>
    public void WriteSummary(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(ResultSummary.Format(Result));
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var run = Runs.GetOrAdd(GetType(), _ => new Lazy<Task<OrBenchResult>>(RunOnceAsync));
        _result = await run.Value.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual Task DisposeAsync()
    {
        (_client as IDisposable)?.Dispose();
        _client = null;
        return Task.CompletedTask;
    }

    private async Task<OrBenchResult> RunOnceAsync()
    {
        var options = Options;
        var prompts = await LoadPromptsAsync(CancellationToken.None).ConfigureAwait(false);
        Log($"OrBench: running {prompts.Name} ({prompts.Count} prompts before selection) with {GetType().Name}");
        var progress = new SinkProgress(this, options.Progress);
        var result = await Client.RunOrBenchAsync(prompts, options with { Progress = progress }).ConfigureAwait(false);
        try
        {
            await ResultFiles.WriteAsync(result, OutputDirectory).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Otherwise every test of the fixture fails with a bare "Could not find file …" that names no setting.
            var root = Environment.GetEnvironmentVariable(ResultsDirectoryVariable);
            var from = string.IsNullOrEmpty(root) ? "OutputDirectory" : $"{ResultsDirectoryVariable}={root}";
            throw new IOException($"{GetType().Name} ran {result.Records.Count} prompts but could not write results.json to {OutputDirectory} (from {from}): {e.Message}", e);
        }

        Log(ResultSummary.Format(result));
        Log($"OrBench: results written to {OutputDirectory}");
        await OnRunCompletedAsync(result, CancellationToken.None).ConfigureAwait(false);
        Log($"OrBench: reports (results.json, records.jsonl, report.md, report.html) are in {OutputDirectory}");
        return result;
    }

    private void Log(string message) => _messageSink?.OnMessage(new FixtureMessage(message));

    private sealed class SinkProgress(OrBenchFixture owner, IProgress<RunProgress>? inner) : IProgress<RunProgress>
    {
        private int _lastDecile = -1;

        public void Report(RunProgress value)
        {
            inner?.Report(value);
            var decile = value.Total == 0 ? 10 : value.Done * 10 / value.Total;
            if (Interlocked.Exchange(ref _lastDecile, decile) != decile)
            {
                owner.Log(FormattableString.Invariant($"OrBench: {value.Done}/{value.Total} done, {value.Errors} errors{(value.Eta is { } eta ? $", about {eta.TotalSeconds:0} s left" : string.Empty)}"));
            }
        }
    }

    private sealed class FixtureMessage(string message) : IDiagnosticMessage
    {
        public string Message { get; } = message;
    }
}
