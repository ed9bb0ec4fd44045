using System.Text;
using OrBench.Testing.Gates;
using OrBench.Testing.IO;
using OrBench.Testing.Results;

namespace OrBench.Testing.Reporting;

/// <summary>
/// The Report stage: turns one or more results into <c>report.md</c> (pull-request summary), <c>report.html</c> (one
/// self-contained page with the paper's plot) and <c>results.json</c>. Results of one model (CI shards, or a Hard-1K and a
/// Toxic run) are merged; different models are compared side by side. Output depends only on the inputs.
/// </summary>
public static class ReportWriter
{
    /// <summary>The Markdown summary's file name.</summary>
    public const string MarkdownFileName = "report.md";

    /// <summary>The HTML report's file name.</summary>
    public const string HtmlFileName = "report.html";

    /// <summary>Renders both reports in memory, e.g. to print the Markdown through a test's output.</summary>
    /// <exception cref="ResultMergeException">Shards of one model overlap.</exception>
    public static RenderedReport Render(IEnumerable<OrBenchResult> results, ReportOptions? options = null) =>
        Render(results, options, ResultComparison.Compare);

    /// <summary>
    /// Writes report.md and report.html (each atomically: a temp file renamed into place) and, unless
    /// <see cref="ReportOptions.WriteResultFiles"/> is off, results.json through <see cref="ResultFiles"/> — into
    /// <paramref name="outputDirectory"/> for one model, or into one sub-directory per model. Appends report.md to the
    /// GitHub job summary when one is configured.
    /// </summary>
    /// <exception cref="ResultMergeException">Shards of one model overlap.</exception>
    public static Task<WrittenReport> WriteAsync(IEnumerable<OrBenchResult> results, string outputDirectory, ReportOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteAsync(results, outputDirectory, options, ResultComparison.Compare, cancellationToken);

    internal static RenderedReport Render(IEnumerable<OrBenchResult> results, ReportOptions? options, Func<OrBenchResult, OrBenchResult, ResultComparison> comparer)
    {
        ArgumentNullException.ThrowIfNull(results);
        options ??= new ReportOptions();
        options.Validate();
        var data = ReportData.Build(results, options, comparer);
        return new RenderedReport(MarkdownReport.Render(data), HtmlReport.Render(data), data.AllGates.ToList(), data.Models.Select(m => m.Result).ToList());
    }

    internal static async Task<WrittenReport> WriteAsync(IEnumerable<OrBenchResult> results, string outputDirectory, ReportOptions? options, Func<OrBenchResult, OrBenchResult, ResultComparison> comparer, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options ??= new ReportOptions();
        var rendered = Render(results, options, comparer);
        var directory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(directory);
        var resultDirectories = new List<string>();
        if (options.WriteResultFiles)
        {
            var slugs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var result in rendered.Results)
            {
                var target = rendered.Results.Count == 1 ? directory : Path.Combine(directory, UniqueSlug(ResultMerger.ModelName(result), slugs));
                await ResultFiles.WriteAsync(result, target, cancellationToken).ConfigureAwait(false);
                resultDirectories.Add(target);
            }
        }

        var markdownPath = Path.Combine(directory, MarkdownFileName);
        var htmlPath = Path.Combine(directory, HtmlFileName);
        await AtomicFile.WriteAllTextAsync(markdownPath, rendered.Markdown, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(htmlPath, rendered.Html, cancellationToken).ConfigureAwait(false);

        var summary = options.StepSummaryPath ?? Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (options.AppendToStepSummary && !string.IsNullOrWhiteSpace(summary))
        {
            try
            {
                await File.AppendAllTextAsync(summary, rendered.Markdown + "\n", new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A bare "Could not find a part of the path" fails every gate of a fixture without saying which setting is wrong.
                var source = options.StepSummaryPath is null ? "GITHUB_STEP_SUMMARY" : "ReportOptions.StepSummaryPath";
                throw new IOException($"Could not append report.md to the job summary {source}={summary}: {e.Message} The reports themselves were written to {directory}; unset {source} (or fix the path) outside GitHub Actions.", e);
            }
        }

        return new WrittenReport(markdownPath, htmlPath, resultDirectories, rendered.Gates);
    }

    private static string UniqueSlug(string name, HashSet<string> used)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '-');
        }

        var slug = builder.ToString().Trim('-', '.');
        slug = slug.Length == 0 ? "model" : slug;
        var candidate = slug;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = $"{slug}-{i}";
        }

        return candidate;
    }
}
