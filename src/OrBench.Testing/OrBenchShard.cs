using System.Globalization;

namespace OrBench.Testing;

/// <summary>
/// A CI shard <c>k/n</c> (1-based): the run takes the k-th of n disjoint slices of the prompt set, so a matrix of n jobs
/// covers it exactly once and <see cref="Results.ResultMerge"/> joins the results.
/// </summary>
/// <param name="Index">1-based shard index.</param>
/// <param name="Count">Number of shards.</param>
public readonly record struct OrBenchShard(int Index, int Count)
{
    /// <summary>The environment variable CI matrices set, e.g. <c>ORBENCH_SHARD=3/8</c>.</summary>
    public const string EnvironmentVariable = "ORBENCH_SHARD";

    /// <summary>Parses <c>k/n</c>.</summary>
    /// <exception cref="FormatException">Not of the form <c>k/n</c> with 1 ≤ k ≤ n; the message names <paramref name="source"/>.</exception>
    public static OrBenchShard Parse(string value, string source = "Shard")
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new OrBenchShard(index, count);
        }

        throw new FormatException($"{source} '{value}' is not a shard: use k/n with 1 ≤ k ≤ n, e.g. 3/8.");
    }

    /// <summary>The shard to run: <paramref name="explicitValue"/> when set, else <c>ORBENCH_SHARD</c>, else none.</summary>
    public static OrBenchShard? Resolve(string? explicitValue)
    {
        if (!string.IsNullOrWhiteSpace(explicitValue))
        {
            return Parse(explicitValue);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? null : Parse(fromEnvironment, EnvironmentVariable);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
