using System.Security.Cryptography;

namespace OrBench.Testing.Data;

/// <summary>
/// The prompt sets shipped inside this assembly (XSTest's prompts, CC-BY-4.0, see NOTICE.md). They are read from the
/// embedded resource only, never from the network, the cache or the lock file, so a machine with no data and no
/// network still has real prompts to gate on. Each set is parsed once per process; sets are immutable.
/// </summary>
internal static class BuiltInPromptSets
{
    private const string XSTestResource = "OrBench.Testing.Data.BuiltIn.xstest_prompts.csv";

    private static readonly Lazy<PromptSet> XSTestSafe = new(() => LoadXSTest(OrBenchSubset.XSTestSafe, "safe", "unsafe"));
    private static readonly Lazy<PromptSet> XSTestUnsafe = new(() => LoadXSTest(OrBenchSubset.XSTestUnsafe, "unsafe", "safe"));

    public static PromptSet Load(OrBenchSubset subset) => subset switch
    {
        OrBenchSubset.XSTestSafe => XSTestSafe.Value,
        OrBenchSubset.XSTestUnsafe => XSTestUnsafe.Value,
        _ => throw new ArgumentException($"{subset} is not built in; load it with OrBenchDataset.LoadAsync.", nameof(subset)),
    };

    private static PromptSet LoadXSTest(OrBenchSubset subset, string label, string otherLabel)
    {
        var bytes = ReadResource(XSTestResource);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var shownPath = "embedded:" + OrBenchFiles.XSTest;
        var builder = new PromptSetBuilder(shownPath, subset, OrBenchPrompt.DefaultExpectation(subset), PromptIds.PrefixFor(subset), DuplicatePromptHandling.Throw);
        CsvPromptReader.Read(bytes, shownPath, builder, new CsvPromptColumns("prompt", "type", new CsvRowFilter("label", label, otherLabel)));
        return new PromptSet("xstest-" + label, subset, builder.Build())
        {
            Source = new PromptSetSource(shownPath, bytes.LongLength, sha256, OrBenchFiles.XSTestRevision)
            {
                RowCount = builder.RowCount,
                IsPublishedFile = OrBenchFiles.IsPublished(subset, sha256),
            },
        };
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(BuiltInPromptSets).Assembly.GetManifestResourceStream(name)
            ?? throw new OrBenchDataException($"The built-in prompt file '{name}' is missing from {typeof(BuiltInPromptSets).Assembly.GetName().Name}; the package is damaged, reinstall it.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
