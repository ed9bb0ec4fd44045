using OrBench.Testing.Data;

namespace OrBench.Fuzz;

/// <summary>
/// One fuzz target: feeds arbitrary bytes to the public CSV or JSONL prompt loader. A typed
/// <see cref="OrBenchDataException"/> is the loader doing its job (a clear rejection of bad input); any other exception,
/// a hang or a crash is a finding.
/// </summary>
internal sealed class PromptFileTarget
{
    private readonly string _path;
    private readonly bool _csv;

    private PromptFileTarget(bool csv)
    {
        _csv = csv;
        var directory = Path.Combine(Path.GetTempPath(), "orbench-fuzz-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, csv ? "input.csv" : "input.jsonl");
    }

    /// <summary>Picks the reader by name (<c>csv</c> or <c>jsonl</c>).</summary>
    public static bool TryCreate(string name, out PromptFileTarget target)
    {
        target = name switch
        {
            "csv" => new PromptFileTarget(csv: true),
            "jsonl" => new PromptFileTarget(csv: false),
            _ => null!,
        };
        return target is not null;
    }

    /// <summary>Loads one input; returns normally for a valid set or a typed rejection.</summary>
    public void Load(ReadOnlySpan<byte> bytes)
    {
        File.WriteAllBytes(_path, bytes);
        try
        {
            var set = (_csv
                ? OrBenchDataset.LoadCsvAsync(_path, ExpectedBehavior.Answer)
                : OrBenchDataset.LoadJsonlAsync(_path, ExpectedBehavior.Answer)).GetAwaiter().GetResult();
            foreach (var prompt in set)
            {
                // Invariants every loaded prompt must hold, whatever the input.
                if (string.IsNullOrEmpty(prompt.Id) || prompt.Text is null)
                {
                    throw new InvalidOperationException("A loaded prompt has no id or text.");
                }
            }
        }
        catch (OrBenchDataException)
        {
            // Expected: bad input rejected with a typed, located error.
        }
    }
}
