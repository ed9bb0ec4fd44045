namespace OrBench.Testing.Results;

/// <summary>
/// Shard results do not form a whole run: a shard is missing (and a partial set was not allowed), given twice, or the
/// shards were split differently. The message names the run and the results (files) involved.
/// </summary>
public sealed class IncompleteShardSetException : ResultMergeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the run and the results.</param>
    /// <param name="missingShards">The missing shards (<c>k/n</c>); empty when the problem is a duplicate or a different split.</param>
    public IncompleteShardSetException(string message, IReadOnlyList<string> missingShards)
        : base(message)
    {
        MissingShards = missingShards;
    }

    /// <summary>The missing shards (<c>k/n</c>); empty when a shard is given twice or the shards were split differently.</summary>
    public IReadOnlyList<string> MissingShards { get; }
}
