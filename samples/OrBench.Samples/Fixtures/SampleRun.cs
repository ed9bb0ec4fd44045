using Microsoft.Extensions.AI;
using OrBench.Samples.Model;
using OrBench.Testing.Xunit;
using Xunit.Abstractions;

namespace OrBench.Samples.Fixtures;

/// <summary>
/// What the suite's runs share: the model from the environment, and one predictable report folder,
/// <c>samples/OrBench.Samples/bin/&lt;configuration&gt;/net10.0/orbench/&lt;run&gt;/</c> (or <c>ORBENCH_RESULTS_DIR</c>),
/// holding results.json, records.jsonl, report.md and report.html. The path is printed at the end of each run.
/// </summary>
public abstract class SampleRun(IMessageSink sink) : OrBenchFixture(sink)
{
    /// <inheritdoc />
    protected override IChatClient CreateClient() => ModelUnderTest.CreateClient();
}
