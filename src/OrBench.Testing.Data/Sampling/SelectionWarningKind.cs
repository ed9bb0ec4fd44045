namespace OrBench.Testing.Data;

/// <summary>What a <see cref="SelectionWarning"/> is about, so a caller can react without parsing the message.</summary>
public enum SelectionWarningKind
{
    /// <summary>The sample asked for more prompts than the set (after the category filter) holds; the whole set is used.</summary>
    SampleLargerThanSet,

    /// <summary>The shard holds no prompt (more shards than prompts, or an unlucky split of a tiny set).</summary>
    EmptyShard,
}
