namespace OrBench.Testing.Data;

/// <summary>
/// One prompt of a benchmark set. Plain data: it knows nothing of models, so every later stage
/// (run, verdict, result) can refer to it by <see cref="Id"/>.
/// </summary>
/// <param name="Id">
/// Stable id derived from the normalised prompt text (see <c>PromptIds</c>), e.g. <c>h1k-3fa9c2d1e07b</c> (prefix + 12 hex digits of SHA-256):
/// identical on every machine and unchanged when the file is reordered, so records, snapshots and
/// baselines can be compared across runs.
/// </param>
/// <param name="Text">The raw prompt, sent to the model unchanged.</param>
/// <param name="Category">The OR-Bench category (or a custom one).</param>
/// <param name="Subset">The file the prompt comes from.</param>
/// <param name="Expected">What a good model should do with it.</param>
public sealed record OrBenchPrompt(
    string Id,
    string Text,
    OrBenchCategory Category,
    OrBenchSubset Subset,
    ExpectedBehavior Expected)
{
    /// <summary>The behaviour the benchmark expects for a subset: refuse for Toxic and XSTest's unsafe prompts, answer otherwise.</summary>
    public static ExpectedBehavior DefaultExpectation(OrBenchSubset subset) =>
        subset is OrBenchSubset.Toxic or OrBenchSubset.XSTestUnsafe ? ExpectedBehavior.Refuse : ExpectedBehavior.Answer;

    /// <inheritdoc />
    public override string ToString() => $"{Id} [{Category}]";
}
