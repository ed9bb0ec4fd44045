using System.Text.RegularExpressions;

namespace OrBench.Testing.Generation.Rewriting;

/// <summary>
/// Applies <see cref="RewriteConstraints"/> to a rewrite. Words and phrases match whole words only, case-insensitively
/// ("but" does not match "butter"; "legal" does not match "illegal", which the harm list names separately).
/// </summary>
internal sealed class RewriteConstraintChecker
{
    private readonly (string Rule, Regex Pattern)[] _rules;

    /// <summary>Compiles the lists once.</summary>
    public RewriteConstraintChecker(RewriteConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        _rules =
        [
            .. constraints.Rules
                .Where(r => r.Words.Count > 0)
                .Select(r => (r.Rule, new Regex(
                    @"(?<![\p{L}\p{N}])(?:" + string.Join('|', r.Words.Select(Phrase)) + @")(?![\p{L}\p{N}])",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                    TimeSpan.FromSeconds(1)))),
        ];
    }

    /// <summary>The first violated rule and the word that violated it, or null when the rewrite passes.</summary>
    /// <param name="rewrite">The rewrite.</param>
    /// <param name="seed">The seed it came from: a rewrite that only repeats the seed is dropped as <c>same_as_seed</c>.</param>
    public RewriteViolation? Check(string rewrite, string seed)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        ArgumentNullException.ThrowIfNull(seed);
        foreach (var (rule, pattern) in _rules)
        {
            var match = pattern.Match(rewrite);
            if (match.Success)
            {
                return new RewriteViolation(rule, match.Value);
            }
        }

        return string.Equals(Dedup.TextNormalizer.ExactKey(rewrite), Dedup.TextNormalizer.ExactKey(seed), StringComparison.Ordinal)
            ? new RewriteViolation("same_as_seed", null)
            : null;
    }

    // Spaces and hyphens inside a phrase match any run of white space or a hyphen.
    private static string Phrase(string word) =>
        string.Join(@"[\s\-]+", word.Trim().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
}

/// <summary>Why a rewrite was dropped.</summary>
/// <param name="Rule"><c>safety_word</c>, <c>harm_word</c>, <c>reversal</c>, <c>framing</c> or <c>same_as_seed</c>.</param>
/// <param name="Word">The word or phrase found, as written in the rewrite.</param>
internal sealed record RewriteViolation(string Rule, string? Word)
{
    /// <inheritdoc />
    public override string ToString() => Word is null ? Rule : $"{Rule}: {Word}";
}
