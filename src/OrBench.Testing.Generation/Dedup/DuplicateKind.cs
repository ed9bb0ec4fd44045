namespace OrBench.Testing.Generation.Dedup;

/// <summary>Why an item was dropped as a duplicate.</summary>
public enum DuplicateKind
{
    /// <summary>Kept: not a duplicate of an earlier item.</summary>
    None,

    /// <summary>Identical to an earlier item after case folding, Unicode normalisation and white-space collapsing.</summary>
    Exact,

    /// <summary>Token-set Jaccard similarity with an earlier item at or above the threshold.</summary>
    Near,

    /// <summary>No letters or digits at all.</summary>
    Empty,
}
