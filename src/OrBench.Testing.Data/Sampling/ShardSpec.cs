using System.Globalization;

namespace OrBench.Testing.Data;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (1-based, written <c>3/8</c>), for spreading a large set over a CI
/// matrix. Every prompt belongs to exactly one shard, decided by its id alone, so shards are disjoint, together cover
/// the set, and do not move when the file is reordered. See <see cref="PromptSetExtensions.Shard(PromptSet, ShardSpec)"/>.
/// </summary>
public readonly record struct ShardSpec
{
    /// <summary>The environment variable a CI matrix sets, e.g. <c>ORBENCH_SHARD=3/8</c>.</summary>
    public const string EnvironmentVariable = "ORBENCH_SHARD";

    /// <summary>Creates shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Count is below 1, or index is outside 1..count.</exception>
    public ShardSpec(int index, int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A shard count must be at least 1.");
        }

        if (index < 1 || index > count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A shard index must be between 1 and {count} (shards are numbered from 1).");
        }

        Index = index;
        Count = count;
    }

    /// <summary>1-based shard number.</summary>
    public int Index { get; }

    /// <summary>How many shards the set is split into.</summary>
    public int Count { get; }

    /// <summary>The whole set as one shard.</summary>
    public static ShardSpec All { get; } = new(1, 1);

    /// <summary>Parses <c>k/n</c>, e.g. <c>3/8</c>; white space around the numbers is allowed.</summary>
    /// <exception cref="FormatException">The text is not <c>k/n</c> with 1 ≤ k ≤ n; the message says which part is wrong.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var shard, out var error) ? shard : throw new FormatException(error);
    }

    /// <summary>Parses <c>k/n</c> without throwing.</summary>
    public static bool TryParse(string? text, out ShardSpec shard) => TryParse(text, out shard, out _);

    /// <summary>
    /// The shard named by <c>ORBENCH_SHARD</c>, or null when the variable is unset or empty (run everything).
    /// </summary>
    /// <exception cref="FormatException">The variable is set but is not <c>k/n</c>.</exception>
    public static ShardSpec? FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>
    /// As <see cref="FromEnvironment()"/>, reading variables through <paramref name="environment"/>, for hosts with an
    /// environment of their own (a command-line tool under test, a configuration system).
    /// </summary>
    /// <exception cref="FormatException">The variable is set but is not <c>k/n</c>; the message names the variable.</exception>
    public static ShardSpec? FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var value = environment(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return TryParse(value, out var shard, out var error)
            ? shard
            : throw new FormatException($"{EnvironmentVariable}: {error}");
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    private static bool TryParse(string? text, out ShardSpec shard, out string error)
    {
        shard = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a shard must be written k/n, e.g. 3/8, but the text is empty.";
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash != text.LastIndexOf('/'))
        {
            error = $"'{text}' is not a shard: write k/n, e.g. 3/8 for the third of eight shards.";
            return false;
        }

        const NumberStyles style = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        if (!int.TryParse(text.AsSpan(0, slash), style, CultureInfo.InvariantCulture, out var index))
        {
            error = $"'{text}' is not a shard: '{text[..slash].Trim()}' before the slash is not a whole number.";
            return false;
        }

        if (!int.TryParse(text.AsSpan(slash + 1), style, CultureInfo.InvariantCulture, out var count))
        {
            error = $"'{text}' is not a shard: '{text[(slash + 1)..].Trim()}' after the slash is not a whole number.";
            return false;
        }

        if (count < 1)
        {
            error = $"'{text}' is not a shard: the shard count must be at least 1.";
            return false;
        }

        if (index < 1 || index > count)
        {
            error = $"'{text}' is not a shard: the index must be between 1 and {count} (shards are numbered from 1).";
            return false;
        }

        shard = new ShardSpec(index, count);
        error = string.Empty;
        return true;
    }
}
