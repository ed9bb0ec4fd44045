using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using OrBench.Testing.Data;
using OrBench.Testing.Gates;
using OrBench.Testing.Results;
using OrBench.Testing.Running;

namespace OrBench.Testing.Reporting.Fixtures;

/// <summary>
/// The run-once fixture the test-framework adapters share (xunit v3, MSTest): load the prompts, run them through the
/// model once per fixture type per process, write results.json and records.jsonl, then the reports, logging progress
/// through the framework's own channel. Each adapter only maps its lifecycle and output onto this.
/// </summary>
internal static class FixtureRun
{
    /// <summary>Where results go when <c>ORBENCH_RESULTS_DIR</c> is set (relative: under the test project, see <see cref="ProjectPaths"/>).</summary>
    public const string ResultsDirectoryVariable = "ORBENCH_RESULTS_DIR";

    // One run per fixture type per process, however many classes share the fixture.
    private static readonly ConcurrentDictionary<Type, Lazy<Task<OrBenchResult>>> Runs = new();

    /// <summary>The shared run of <paramref name="fixtureType"/>: started by the first caller, awaited by the rest.</summary>
    public static Task<OrBenchResult> GetOrStart(Type fixtureType, Func<Task<OrBenchResult>> run) =>
        Runs.GetOrAdd(fixtureType, _ => new Lazy<Task<OrBenchResult>>(run)).Value;

    /// <summary><c>&lt;ORBENCH_RESULTS_DIR&gt;/&lt;fixture&gt;</c>, or <c>&lt;test output&gt;/orbench/&lt;fixture&gt;</c>.</summary>
    public static string DefaultOutputDirectory(string fixtureName) =>
        Path.Combine(
            Environment.GetEnvironmentVariable(ResultsDirectoryVariable) is { Length: > 0 } root ? ProjectPaths.Resolve(root) : Path.Combine(AppContext.BaseDirectory, "orbench"),
            fixtureName);

    /// <summary>Runs <paramref name="prompts"/> once and writes results and reports to <paramref name="outputDirectory"/>.</summary>
    public static async Task<OrBenchResult> RunAsync(
        string fixtureName,
        IChatClient client,
        PromptSet prompts,
        OrBenchRunOptions options,
        string outputDirectory,
        Func<OrBenchResult, CancellationToken, Task> onCompleted,
        Action<string> log,
        CancellationToken cancellationToken)
    {
        log($"OrBench: running {prompts.Name} ({prompts.Count} prompts before selection) with {fixtureName}");
        var progress = new LoggedProgress(log, options.Progress);
        var result = await client.RunOrBenchAsync(prompts, options with { Progress = progress }, cancellationToken).ConfigureAwait(false);
        try
        {
            await ResultFiles.WriteAsync(result, outputDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Otherwise every test of the fixture fails with a bare "Could not find file …" that names no setting.
            var root = Environment.GetEnvironmentVariable(ResultsDirectoryVariable);
            var from = string.IsNullOrEmpty(root) ? "OutputDirectory" : $"{ResultsDirectoryVariable}={root}";
            throw new IOException($"{fixtureName} ran {result.Records.Count} prompts but could not write results.json to {outputDirectory} (from {from}): {e.Message}", e);
        }

        log(ResultSummary.Format(result));
        await onCompleted(result, cancellationToken).ConfigureAwait(false);
        log($"OrBench: results.json, records.jsonl and the reports are in {outputDirectory}");
        return result;
    }

    /// <summary>report.md and report.html with exactly the fixture's declared <paramref name="gates"/>.</summary>
    public static Task WriteReportsAsync(OrBenchResult result, string outputDirectory, IReadOnlyList<Gate> gates, CancellationToken cancellationToken) =>
        ReportWriter.WriteAsync([result], outputDirectory, new ReportOptions { WriteResultFiles = false, Gates = gates }, cancellationToken);

    /// <summary>The declared gate named <paramref name="name"/> (ordinal, case-insensitive), or an error listing the declared names.</summary>
    public static Gate FindGate(string fixtureName, IReadOnlyList<Gate> gates, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return gates.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"{fixtureName} declares no gate named '{name}'; declared: {(gates.Count == 0 ? "none (override Gates)" : string.Join(", ", gates.Select(g => $"'{g.Name}'")))}.",
                nameof(name));
    }

    /// <summary>Logs every tenth of the run, so a long run shows it is alive without flooding the output.</summary>
    private sealed class LoggedProgress(Action<string> log, IProgress<RunProgress>? inner) : IProgress<RunProgress>
    {
        private int _lastDecile = -1;

        public void Report(RunProgress value)
        {
            inner?.Report(value);
            var decile = value.Total == 0 ? 10 : value.Done * 10 / value.Total;
            if (Interlocked.Exchange(ref _lastDecile, decile) != decile)
            {
                log(FormattableString.Invariant($"OrBench: {value.Done}/{value.Total} done, {value.Errors} errors{(value.Eta is { } eta ? $", about {eta.TotalSeconds:0} s left" : string.Empty)}"));
            }
        }
    }
}
