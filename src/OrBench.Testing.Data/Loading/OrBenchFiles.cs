namespace OrBench.Testing.Data;

/// <summary>
/// The files behind each subset and what their authors published: file names of the Hugging Face dataset
/// <c>bench-llm/or-bench</c>, the XSTest file built into this package, and the published row counts and SHA-256
/// hashes that let a report say "all 1,319 prompts" only when the bytes scored are the published ones.
/// </summary>
public static class OrBenchFiles
{
    /// <summary>OR-Bench-Hard-1K.</summary>
    public const string Hard1K = "or-bench-hard-1k.csv";

    /// <summary>OR-Bench-Toxic.</summary>
    public const string Toxic = "or-bench-toxic.csv";

    /// <summary>OR-Bench-80K.</summary>
    public const string Full80K = "or-bench-80k.csv";

    /// <summary>
    /// XSTest's prompt file (<c>id,prompt,type,label,focus,note</c>), embedded in this assembly byte for byte as
    /// published at <see cref="XSTestRevision"/>; it holds both <see cref="OrBenchSubset.XSTestSafe"/> and
    /// <see cref="OrBenchSubset.XSTestUnsafe"/>.
    /// </summary>
    public const string XSTest = "xstest_prompts.csv";

    /// <summary>The commit of github.com/paul-rottger/exaggerated-safety the embedded XSTest file was copied from.</summary>
    public const string XSTestRevision = "d7bb5bd738c1fcbc36edd83d5e7d1b71a3e2d84d";

    /// <summary>The file holding a subset.</summary>
    /// <exception cref="ArgumentException"><see cref="OrBenchSubset.Custom"/> has no official file.</exception>
    public static string FileName(OrBenchSubset subset) => subset switch
    {
        OrBenchSubset.Hard1K => Hard1K,
        OrBenchSubset.Toxic => Toxic,
        OrBenchSubset.Full80K => Full80K,
        OrBenchSubset.XSTestSafe or OrBenchSubset.XSTestUnsafe => XSTest,
        _ => throw new ArgumentException($"{subset} has no official file; load custom sets with OrBenchDataset.LoadCustomAsync.", nameof(subset)),
    };

    /// <summary>True for the subsets built into this package, which load with no download, cache or lock file.</summary>
    public static bool IsBuiltIn(OrBenchSubset subset) => subset is OrBenchSubset.XSTestSafe or OrBenchSubset.XSTestUnsafe;

    /// <summary>
    /// How many prompts the published set holds: Hard-1K 1,319, Toxic 655, 80K 80,359 (the counts the dataset's
    /// viewer and third-party notes give), XSTest 250 safe and 200 unsafe; null for custom sets. Use it to tell a
    /// sample or a stand-in from the whole set.
    /// </summary>
    public static int? PublishedPromptCount(OrBenchSubset subset) => subset switch
    {
        OrBenchSubset.Hard1K => 1319,
        OrBenchSubset.Toxic => 655,
        OrBenchSubset.Full80K => 80359,
        OrBenchSubset.XSTestSafe => 250,
        OrBenchSubset.XSTestUnsafe => 200,
        _ => null,
    };

    /// <summary>
    /// The SHA-256 (lower-case hex) of the file its authors published, or null where it is not known. Known for XSTest
    /// (the embedded file). Not known for OR-Bench: the project has never been able to hash the official CSVs, and
    /// the reconstructed full lists (same prompts, other row order and line ends) are different bytes, so no OR-Bench
    /// file is claimed to be the published one, however many rows it has.
    /// </summary>
    public static string? PublishedSha256(OrBenchSubset subset) => subset switch
    {
        OrBenchSubset.XSTestSafe or OrBenchSubset.XSTestUnsafe => "11783fb294ed017473ee53c207d71f2161c7672c8d0b037501e78387f801cb5a",
        _ => null,
    };

    /// <summary>True when <paramref name="sha256"/> is the published file's hash for <paramref name="subset"/>.</summary>
    internal static bool IsPublished(OrBenchSubset subset, string sha256) =>
        PublishedSha256(subset) is { } published && string.Equals(published, sha256, StringComparison.OrdinalIgnoreCase);
}
