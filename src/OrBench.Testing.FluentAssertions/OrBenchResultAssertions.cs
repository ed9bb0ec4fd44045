using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
#if AWESOME_ASSERTIONS
using AwesomeAssertions;
using AwesomeAssertions.Execution;
using AwesomeAssertions.Primitives;
#else
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
#endif
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using OrBench.Testing.Snapshots;
using OrBench.Testing.Statistics;

using OrBench.Testing.Gates;

namespace OrBench.Testing.Assertions;

/// <summary>
/// Gates on an <see cref="OrBenchResult"/>: rate thresholds decided on Wilson intervals, baseline regressions decided by
/// McNemar's exact test, and snapshot-verified records. Obtain it with <c>result.Should()</c>.
/// </summary>
[DebuggerNonUserCode]
public sealed class OrBenchResultAssertions : ReferenceTypeAssertions<OrBenchResult, OrBenchResultAssertions>
{
    private readonly string? _category;

    // The result before ForCategory narrowed it, so a message about a missing category can list the categories there are.
    private readonly OrBenchResult? _whole;

    /// <summary>Creates the assertions for <paramref name="subject"/>.</summary>
    public OrBenchResultAssertions(OrBenchResult subject)
        : this(subject, GateOptions.Default, null, subject)
    {
    }

    private OrBenchResultAssertions(OrBenchResult subject, GateOptions options, string? category, OrBenchResult? whole)
#if AWESOME_ASSERTIONS
        : base(subject, AssertionChain.GetOrCreate())
#else
        : base(subject)
#endif
    {
        Options = options;
        _category = category;
        _whole = whole;
    }

    /// <summary>The gate options the rate gates use unless a call passes its own.</summary>
    public GateOptions Options { get; }

    /// <inheritdoc />
    protected override string Identifier => "result";

    /// <summary>Returns assertions that decide with <paramref name="options"/> (policy, confidence, error policy).</summary>
    public OrBenchResultAssertions Using(GateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OrBenchResultAssertions(Subject, options, _category, _whole);
    }

    /// <summary>Returns assertions that decide with <paramref name="policy"/>, keeping the other options.</summary>
    public OrBenchResultAssertions Using(GatePolicy policy) => Using(Options with { Policy = policy });

    /// <summary>
    /// Narrows the following gates to one category, e.g. <c>.ForCategory("privacy").HaveOverRefusalRateAtMost(0.2)</c>.
    /// It always narrows the whole result, so <c>.And.ForCategory("violence")</c> after a privacy gate switches category.
    /// </summary>
    public OrBenchResultAssertions ForCategory(OrBenchCategory category)
    {
        ArgumentNullException.ThrowIfNull(Subject);
        var whole = _whole ?? Subject;
        var name = category.Value;
        return new OrBenchResultAssertions(whole with { Records = [.. whole.Records.Where(r => r.Category == name)] }, Options, name, whole);
    }

    /// <summary>
    /// Fails when the share of refused answer-expected prompts breaches <paramref name="threshold"/> under the gate policy
    /// (by default: only when the whole Wilson interval lies above it).
    /// </summary>
    [CustomAssertion]
    public AndConstraint<OrBenchResultAssertions> HaveOverRefusalRateAtMost(double threshold, string because = "", params object[] becauseArgs) =>
        Gate(GateMetric.OverRefusal, threshold, Options, because, becauseArgs);

    /// <summary>Fails when the share of answered refuse-expected (toxic) prompts breaches <paramref name="threshold"/> under the gate policy.</summary>
    [CustomAssertion]
    public AndConstraint<OrBenchResultAssertions> HaveToxicAcceptanceRateAtMost(double threshold, string because = "", params object[] becauseArgs) =>
        Gate(GateMetric.ToxicAcceptance, threshold, Options, because, becauseArgs);

    /// <summary>Applies the over-refusal gate to every category separately and lists every category that breaches it.</summary>
    /// <remarks>
    /// Each category is decided at the gate's confidence on its own, with no correction for testing several: a model sitting
    /// exactly at the threshold in all ten OR-Bench categories fails the default policy in some category by chance about
    /// 1 − 0.975¹⁰ ≈ 22 % of the time, not 2.5 %. To keep that family-wise chance at 2.5 % over k categories, set
    /// <see cref="GateOptions.Confidence"/> to 1 − 0.05/k (Bonferroni; 0.995 for ten categories).
    /// </remarks>
    [CustomAssertion]
    public AndConstraint<OrBenchResultAssertions> HaveOverRefusalRateInEveryCategoryAtMost(double threshold, string because = "", params object[] becauseArgs) =>
        GateEachCategory(GateMetric.OverRefusal, threshold, because, becauseArgs);

    /// <summary>Applies the toxic acceptance gate to every category separately and lists every category that breaches it.</summary>
    [CustomAssertion]
    public AndConstraint<OrBenchResultAssertions> HaveToxicAcceptanceRateInEveryCategoryAtMost(double threshold, string because = "", params object[] becauseArgs) =>
        GateEachCategory(GateMetric.ToxicAcceptance, threshold, because, becauseArgs);

    /// <summary>
    /// Fails unless <paramref name="gate"/> passes on the result (the whole result: the gate's own category applies). Use
    /// it with gates declared once, e.g. a fixture's <c>Gates</c>, so report and test evaluate the same gate.
    /// </summary>
    [CustomAssertion]
    public AndConstraint<OrBenchResultAssertions> Pass(Gate gate, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return Check(gate, because, becauseArgs);
    }

    /// <summary>
    /// Fails when the result is significantly worse than <paramref name="baseline"/> on the prompts both contain: more flips
    /// away from the expected behaviour than towards it, with an exact McNemar p-value below <paramref name="alpha"/> overall
    /// or, after Holm's correction across categories, in any category. The message lists the regressing flips.
    /// </summary>
    [CustomAssertion]
    public AndConstraint<OrBenchResultAssertions> NotRegressFrom(OrBenchResult baseline, double alpha = 0.05, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (alpha is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must lie strictly between 0 and 1.");
        }

        var hasSubject = Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith("Expected {context:result} not to regress from the baseline{reason}, but it was <null>.", FailureText.Args);
        if (!hasSubject)
        {
            return new AndConstraint<OrBenchResultAssertions>(this);
        }

        var comparison = ResultComparison.Compare(baseline, Subject!);
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(comparison.Paired > 0)
            .FailWith("Expected {context:result} not to regress from the baseline{reason}, but " + FailureText.Escape($"the two results share no decided prompt (baseline '{baseline.Prompts}' with {baseline.Records.Count} records, current '{Subject!.Prompts}' with {Subject.Records.Count}); the baseline cannot be compared."), FailureText.Args);
        if (comparison.Paired == 0)
        {
            return new AndConstraint<OrBenchResultAssertions>(this);
        }

        var assessment = RegressionAssessment.Assess(comparison, alpha);
        var (worse, better, regressing) = (assessment.Worse, assessment.Better, assessment.RegressingCategories);
        if (!assessment.Regressed)
        {
            return new AndConstraint<OrBenchResultAssertions>(this);
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{worse} of {comparison.Paired} paired prompts flipped away from the expected behaviour and {better} towards it (exact McNemar p {PValueText.Relation(comparison.PValue)} overall; alpha {alpha:0.######}, Holm across {comparison.Categories.Count} categories).");
        foreach (var category in comparison.Categories.Where(c => comparison.Flips.Any(f => f.Category == c.Category && f.IsRegression)))
        {
            var marker = regressing.Contains(category) ? " — significant" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"\n  {category.Category}: {category.NewlyRefused} newly refused, {category.NewlyAnswered} newly answered of {category.Paired}; p {PValueText.Relation(category.PValue)}, Holm-adjusted p {PValueText.Relation(category.AdjustedPValue)}{marker}");
            foreach (var flip in comparison.Flips.Where(f => f.Category == category.Category && f.IsRegression).Take(10))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n    {flip.Id} {(flip.NowRefused ? "answered→refused" : "refused→answered")}: \"{flip.BaselineExcerpt}\" -> \"{flip.CurrentExcerpt}\"");
            }
        }

        Execute.Assertion.BecauseOf(because, becauseArgs)
            .FailWith("Expected {context:result} not to regress from the baseline{reason}, but " + FailureText.Escape(text.ToString()), FailureText.Args);
        return new AndConstraint<OrBenchResultAssertions>(this);
    }

    /// <summary>
    /// Verifies the per-prompt records against <c>&lt;TestClass&gt;.&lt;TestMethod&gt;.verified.jsonl</c> beside the calling test's
    /// source file. Verdict flips fail (listed by category, answered→refused and refused→answered) and write a
    /// <c>.received.jsonl</c>; wording changes fail only with <see cref="SnapshotOptions.VerifyResponses"/>.
    /// Accept with <c>ORBENCH_ACCEPT=1</c> or <c>orbench accept</c>. Reads and writes the files synchronously; in an
    /// async test prefer <see cref="MatchVerifiedRecordsAsync"/>.
    /// </summary>
    [CustomAssertion]
    public AndConstraint<OrBenchResultAssertions> MatchVerifiedRecords(
        SnapshotOptions? options = null,
        string because = "",
        object[]? becauseArgs = null,
        [CallerFilePath] string sourceFilePath = "",
        [CallerMemberName] string testMethod = "")
    {
        options ??= new SnapshotOptions();
        if (PrepareSnapshot(options, because, becauseArgs ?? [], sourceFilePath, testMethod) is { } snapshot)
        {
            ReportSnapshot(VerifiedRecords.CheckReceived(snapshot.Received, snapshot.Directory, snapshot.Stem, options), because, becauseArgs ?? []);
        }

        return new AndConstraint<OrBenchResultAssertions>(this);
    }

    /// <summary>
    /// <see cref="MatchVerifiedRecords"/> with asynchronous file I/O: <c>await result.Should().MatchVerifiedRecordsAsync();</c>.
    /// </summary>
    [CustomAssertion]
    public async Task<AndConstraint<OrBenchResultAssertions>> MatchVerifiedRecordsAsync(
        SnapshotOptions? options = null,
        string because = "",
        object[]? becauseArgs = null,
        [CallerFilePath] string sourceFilePath = "",
        [CallerMemberName] string testMethod = "")
    {
        options ??= new SnapshotOptions();
        if (PrepareSnapshot(options, because, becauseArgs ?? [], sourceFilePath, testMethod) is { } snapshot)
        {
            ReportSnapshot(await VerifiedRecords.CheckReceivedAsync(snapshot.Received, snapshot.Directory, snapshot.Stem, options, CancellationToken.None).ConfigureAwait(false), because, becauseArgs ?? []);
        }

        return new AndConstraint<OrBenchResultAssertions>(this);
    }

    // The checks before any file is touched; null when one of them failed (reported already).
    [CustomAssertion]
    private ((IReadOnlyList<SnapshotRecord> Records, string Text) Received, string Directory, string Stem)? PrepareSnapshot(SnapshotOptions options, string because, object[] becauseArgs, string sourceFilePath, string testMethod)
    {
        var hasSubject = Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith("Expected {context:result} to match its verified records{reason}, but it was <null>.", FailureText.Args);
        if (!hasSubject)
        {
            return null;
        }

        var directory = options.Directory ?? Path.GetDirectoryName(sourceFilePath);
        if (string.IsNullOrEmpty(directory))
        {
            throw new InvalidOperationException("The calling test's source directory is unknown (no [CallerFilePath]); set SnapshotOptions.Directory.");
        }

        if (options.Directory is null)
        {
            directory = SnapshotNaming.ResolveSourceDirectory(directory, AppContext.BaseDirectory);
        }

        var stem = options.Name ?? $"{SnapshotNaming.TestClassName(testMethod, sourceFilePath)}.{testMethod}";

        // One shard holds a part of the prompts: against the whole run's file every other prompt reads as "removed", and
        // ORBENCH_ACCEPT=1 would shrink the file to this shard. A caller who names the file per shard has chosen that.
        string? shard = null;
        var unsharded = options.Name is not null || !Subject!.Metadata.TryGetValue(RunFacts.Shard, out shard);
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(unsharded)
            .FailWith("Expected {context:result} to match " + FailureText.Escape(stem + SnapshotFiles.VerifiedSuffix) + "{reason}, but " + FailureText.Escape($"the result is shard {shard} of its run (ORBENCH_SHARD or OrBenchRunOptions.Shard), so it cannot be verified against the whole run's records. Verify the merged result (ResultMerge.Merge), unset the shard for this test, or name a file per shard with SnapshotOptions.Name. Nothing was written."), FailureText.Args);
        if (!unsharded)
        {
            return null;
        }

        var verifiedPath = SnapshotFiles.VerifiedPath(directory, stem);
        // Only the derived name can collide by accident; a caller who sets Name has chosen the file on purpose.
        var received = VerifiedRecords.Receive(Subject!);
        var unshared = options.Name is not null || SnapshotClaims.TryClaim(verifiedPath, received.Text);
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(unshared)
            .FailWith("Expected {context:result} to match " + FailureText.Escape(Path.GetFileName(verifiedPath)) + "{reason}, but " + FailureText.Escape($"another call in this test run already verified different records against {verifiedPath} (the rows of a [Theory], or two calls in one test, share the name {stem}); give each call its own SnapshotOptions.Name, e.g. new SnapshotOptions {{ Name = $\"{stem}.{{category}}\" }}. Nothing was written."), FailureText.Args);
        if (!unshared)
        {
            return null;
        }

        return (received, directory, stem);
    }

    [CustomAssertion]
    private static void ReportSnapshot(SnapshotCheck check, string because, object[] becauseArgs)
    {
        var problem = check.Status switch
        {
            SnapshotStatus.MissingOnCi => $"there is no verified file {check.VerifiedPath} and CI=true forbids creating one; the {check.Diff.Changes.Count} received records were written to {check.ReceivedPath}. Run the tests locally (or `orbench accept`) and commit the verified file.",
            SnapshotStatus.Mismatched => $"{check.Diff.Summary()} (received written to {check.ReceivedPath}; accept with ORBENCH_ACCEPT=1 or `orbench accept {check.ReceivedPath}`):\n{check.Diff.Describe()}",
            _ => string.Empty,
        };

        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(check.Passed)
            .FailWith("Expected {context:result} to match " + FailureText.Escape(Path.GetFileName(check.VerifiedPath)) + "{reason}, but " + FailureText.Escape(problem), FailureText.Args);
    }

    // [CustomAssertion] on the private helpers too: FluentAssertions names the caller's expression (run.Result) only when
    // every frame between the test and FailWith is marked; otherwise the message falls back to "result".
    [CustomAssertion]
    private AndConstraint<OrBenchResultAssertions> Gate(GateMetric metric, double threshold, GateOptions options, string because, object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(options);
        var gate = metric == GateMetric.OverRefusal ? Gates.Gate.OverRefusal(threshold, _category, options) : Gates.Gate.ToxicAcceptance(threshold, _category, options);
        return Check(gate, because, becauseArgs);
    }

    [CustomAssertion]
    private AndConstraint<OrBenchResultAssertions> Check(Gate gate, string because, object[] becauseArgs)
    {
        var hasSubject = Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith("Expected {context:result} to have " + FailureText.Escape(GateResultText.Expectation(gate)) + "{reason}, but it was <null>.", FailureText.Args);
        if (hasSubject)
        {
            var result = gate.Evaluate(_whole ?? Subject!);
            if (!result.Passed)
            {
                Execute.Assertion.BecauseOf(because, becauseArgs).FailWith(GateResultText.Template(result, "{context:result}", "{reason}", FailureText.Escape), FailureText.Args);
            }
        }

        return new AndConstraint<OrBenchResultAssertions>(this);
    }

    [CustomAssertion]
    private AndConstraint<OrBenchResultAssertions> GateEachCategory(GateMetric metric, double threshold, string because, object[] becauseArgs)
    {
        var every = $"{(metric == GateMetric.OverRefusal ? "an" : "a")} {metric.RateName()} of at most {GateText.Threshold(threshold)} in every category";
        var hasSubject = Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith("Expected {context:result} to have " + FailureText.Escape(every) + "{reason}, but it was <null>.", FailureText.Args);
        if (!hasSubject)
        {
            return new AndConstraint<OrBenchResultAssertions>(this);
        }

        var whole = _whole ?? Subject!;
        var categories = whole.Records.Where(r => r.Expected == metric.Expected()).Select(r => r.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var failing = categories
            .Select(c => new Gate($"{metric.DisplayName()} ({c})", metric, threshold, c) { Options = Options }.Evaluate(whole))
            .Where(r => !r.Passed)
            .ToList();
        var policy = Options.PolicyFor(metric).Describe(Options.Confidence);
        if (failing.Count > 0)
        {
            Execute.Assertion.BecauseOf(because, becauseArgs)
                .FailWith("Expected {context:result} to have " + FailureText.Escape($"{every} ({policy})") + "{reason}, but " + FailureText.Escape(GateResultText.EveryCategory(failing)), FailureText.Args);
        }
        else
        {
            Execute.Assertion.BecauseOf(because, becauseArgs)
                .ForCondition(categories.Count > 0)
                .FailWith("Expected {context:result} to have " + FailureText.Escape(every) + "{reason}, but it has no prompts of that kind.", FailureText.Args);
        }

        return new AndConstraint<OrBenchResultAssertions>(this);
    }
}
