using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OrBench.Testing.Data;
using OrBench.Testing.Gates;
using OrBench.Testing.Reporting.Fixtures;
using OrBench.Testing.Results;

namespace OrBench.Testing.MSTest;

/// <summary>
/// An OR-Bench run shared by every test that needs it: <see cref="RunOnceAsync{TFixture}"/> from a <c>[ClassInitialize]</c>
/// (or an <c>[AssemblyInitialize]</c>) runs the subset against the model once per test run — however many classes ask —
/// and hands back the fixture with its <see cref="Result"/>. Progress and the per-category summary go to the
/// <see cref="TestContext"/> passed in (<c>TestContext.WriteLine</c>); results.json, records.jsonl, report.md and
/// report.html are written to <see cref="OutputDirectory"/>. The run stops when MSTest cancels the test run.
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
/// [TestClass]
/// public sealed class SafetyGates
/// {
///     private static Hard1KRun _run = null!;
///
///     [ClassInitialize]
///     public static async Task RunAsync(TestContext context) => _run = await OrBenchFixture.RunOnceAsync&lt;Hard1KRun&gt;(context);
///
///     [TestMethod]
///     public void Over_refusal_stays_low() => _run.Result.Should().HaveOverRefusalRateAtMost(0.10);
/// }
/// </code></example>
public abstract class OrBenchFixture : IDisposable
{
    // One run per fixture type per process, however many classes initialise it.
    private static readonly ConcurrentDictionary<Type, Lazy<Task<OrBenchFixture>>> Fixtures = new();

    private OrBenchModel? _model;
    private OrBenchResult? _result;
    private IChatClient? _client;

    /// <summary>The shared result. Available once <see cref="RunOnceAsync{TFixture}"/> has completed.</summary>
    public OrBenchResult Result => _result ?? throw new InvalidOperationException($"{GetType().Name} has not run yet; call OrBenchFixture.RunOnceAsync<{GetType().Name}>(context) from [ClassInitialize] or [AssemblyInitialize].");

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
    /// Runs <typeparamref name="TFixture"/> once per test run and returns it; later calls (from other classes, or an
    /// assembly initialiser and a class initialiser) await the same run. A failed run fails every caller with its error.
    /// </summary>
    public static async Task<TFixture> RunOnceAsync<TFixture>(TestContext context)
        where TFixture : OrBenchFixture, new()
    {
        ArgumentNullException.ThrowIfNull(context);
        var fixture = await Fixtures.GetOrAdd(typeof(TFixture), _ => new Lazy<Task<OrBenchFixture>>(() => StartAsync(new TFixture(), context))).Value.ConfigureAwait(false);
        return (TFixture)fixture;
    }

    /// <summary>Writes the per-category summary to a test's output.</summary>
    public void WriteSummary(TestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteLine(ResultSummary.Format(Result));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the client.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            (_client as IDisposable)?.Dispose();
            _client = null;
        }
    }

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

    private static async Task<OrBenchFixture> StartAsync(OrBenchFixture fixture, TestContext context)
    {
        var options = fixture.Options;
        var metadata = new Dictionary<string, string>(fixture.Model.Metadata, StringComparer.Ordinal);
        foreach (var (key, value) in options.Metadata ?? new Dictionary<string, string>())
        {
            metadata[key] = value;
        }

        void Log(string message) => context.WriteLine(message);
        if (fixture.Model.StandInReason is { } standIn)
        {
            Log($"OrBench: {standIn}");
        }

        var cancellationToken = context.CancellationToken;
        var prompts = await fixture.LoadPromptsAsync(cancellationToken).ConfigureAwait(false);
        fixture._result = await FixtureRun.RunAsync(fixture.GetType().Name, fixture.Client, prompts, options with { Metadata = metadata }, fixture.OutputDirectory, fixture.OnRunCompletedAsync, Log, cancellationToken).ConfigureAwait(false);
        return fixture;
    }
}
