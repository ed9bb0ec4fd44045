using Microsoft.Extensions.AI;
using OrBench.Testing.Data;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting.Fixtures;
using OrBench.Testing.Results;
using Xunit;

namespace OrBench.Testing.XunitV3;

/// <summary>
/// Runs an OR-Bench subset against the model once per test run and shares the <see cref="Result"/> among every test class
/// that uses the fixture (<c>IClassFixture&lt;T&gt;</c>, a collection fixture, or <c>[assembly: AssemblyFixture]</c>).
/// Progress and the per-category summary go to xunit's diagnostic messages (<c>TestContext.SendDiagnosticMessage</c>;
/// shown with <c>"diagnosticMessages": true</c> in xunit.runner.json); results.json, records.jsonl, report.md and
/// report.html are written to <see cref="OutputDirectory"/>. The run stops when xunit cancels the test run.
/// </summary>
/// <remarks>
/// By default the model is <see cref="OrBenchModel.FromEnvironment()"/> (<c>ORBENCH_ENDPOINT</c>, <c>ORBENCH_MODEL</c>,
/// <c>ORBENCH_API_KEY</c>, or the offline stand-in), and its <see cref="OrBenchModel.Metadata"/> is added to every result.
/// </remarks>
/// <example><code>
/// public sealed class Hard1KRun : OrBenchFixture
/// {
///     protected override OrBenchRunOptions Options => new() { Sample = 300, Seed = 7 };
/// }
///
/// public sealed class SafetyGates(Hard1KRun run) : IClassFixture&lt;Hard1KRun&gt;
/// {
///     [Fact] public void Over_refusal_stays_low() => run.Result.Should().HaveOverRefusalRateAtMost(0.10);
/// }
/// </code></example>
public abstract class OrBenchFixture : IAsyncLifetime
{
    private OrBenchModel? _model;
    private OrBenchResult? _result;
    private IChatClient? _client;

    /// <summary>The shared result. Available once xunit has initialised the fixture.</summary>
    public OrBenchResult Result => _result ?? throw new InvalidOperationException($"{GetType().Name} has not run yet; xunit initialises it before the first test.");

    /// <summary>The model's client, for per-prompt tests next to the shared run.</summary>
    public IChatClient Client => _client ??= CreateClient();

    /// <summary>The model under test; <see cref="OrBenchModel.FromEnvironment()"/> unless overridden.</summary>
    public virtual OrBenchModel Model => _model ??= OrBenchModel.FromEnvironment();

    /// <summary>Where results.json, records.jsonl, report.md and report.html go: <c>&lt;test output&gt;/orbench/&lt;fixture&gt;</c>, or <c>ORBENCH_RESULTS_DIR/&lt;fixture&gt;</c> (relative: under the test project).</summary>
    public virtual string OutputDirectory => FixtureRun.DefaultOutputDirectory(GetType().Name);

    /// <summary>The subset to run; Hard-1K by default.</summary>
    protected virtual OrBenchSubset Subset => OrBenchSubset.Hard1K;

    /// <summary>Sample, seed, shard, classifier and run options; <see cref="Model"/>'s metadata is added to its <see cref="OrBenchRunOptions.Metadata"/>.</summary>
    protected virtual OrBenchRunOptions Options => new();

    /// <summary>
    /// The gates of this run, declared once: report.md and report.html show exactly these, and tests assert them by name
    /// with <see cref="AssertGate"/>, so the pull-request summary and the test run evaluate the same
    /// <see cref="GateResult"/> and cannot disagree. Empty by default: the report then shows rates but no gate verdict.
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
    public GateResult AssertGate(string name) => Result.AssertGate(FixtureRun.FindGate(GetType().Name, Gates, name));

    /// <summary>Creates the client of the model under test: <see cref="Model"/>'s, with its cache and retry middleware.</summary>
    protected virtual IChatClient CreateClient() => Model.CreateClient();

    /// <summary>Loads the prompts; the official subset by default. Override to run a custom set.</summary>
    protected virtual Task<PromptSet> LoadPromptsAsync(CancellationToken cancellationToken) =>
        OrBenchDataset.LoadAsync(Subset, Options.DataOptions, cancellationToken);

    /// <summary>Called once after results.json is written; writes report.md and report.html with exactly the declared <see cref="Gates"/> by default.</summary>
    protected virtual Task OnRunCompletedAsync(OrBenchResult result, CancellationToken cancellationToken) =>
        FixtureRun.WriteReportsAsync(result, OutputDirectory, Gates, cancellationToken);

    /// <summary>Writes the per-category summary to the current test's output (<c>TestContext.Current.TestOutputHelper</c>).</summary>
    public void WriteSummary() => TestContext.Current.TestOutputHelper?.WriteLine(ResultSummary.Format(Result));

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _result = await FixtureRun.GetOrStart(GetType(), () => RunOnceAsync(cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        (_client as IDisposable)?.Dispose();
        _client = null;
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private async Task<OrBenchResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var options = Options;
        var metadata = new Dictionary<string, string>(Model.Metadata, StringComparer.Ordinal);
        foreach (var (key, value) in options.Metadata ?? new Dictionary<string, string>())
        {
            metadata[key] = value;
        }

        if (Model.StandInReason is { } standIn)
        {
            Log($"OrBench: {standIn}");
        }

        var prompts = await LoadPromptsAsync(cancellationToken).ConfigureAwait(false);
        return await FixtureRun.RunAsync(GetType().Name, Client, prompts, options with { Metadata = metadata }, OutputDirectory, OnRunCompletedAsync, Log, cancellationToken).ConfigureAwait(false);
    }

    private static void Log(string message) => TestContext.Current.SendDiagnosticMessage(message);
}
