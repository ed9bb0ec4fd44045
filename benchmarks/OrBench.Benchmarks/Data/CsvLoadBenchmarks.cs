using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using nietras.SeparatedValues;
using OrBench.Testing.Data;

namespace OrBench.Benchmarks.Data;

/// <summary>
/// Loading an 80,000-row OR-Bench-shaped CSV. The first two benchmarks compare the parsers alone (rows to
/// (prompt, category) strings with RFC 4180 unescaping); the last two are the library's full load: strict UTF-8
/// check, Sep parse with strict quote checks, id derivation (SHA-256 per prompt) and duplicate detection, from
/// bytes in memory and from disk with SHA-256 of the file and lock disabled.
/// </summary>
[MemoryDiagnoser]
public class CsvLoadBenchmarks
{
    private const int Rows = 80_000;
    private byte[] _bytes = [];
    private string _directory = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = SyntheticOrBenchCsv.Create(Rows);
        _directory = Path.Combine(Path.GetTempPath(), "orbench-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        File.WriteAllBytes(Path.Combine(_directory, OrBenchFiles.Full80K), _bytes);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true)]
    public int Sep_parse_rows()
    {
        var text = Encoding.UTF8.GetString(_bytes);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, CultureInfo = CultureInfo.InvariantCulture }).FromText(text);
        var prompt = reader.Header.IndexOf("prompt");
        var category = reader.Header.IndexOf("category");
        var rows = new List<(string, string)>(Rows);
        foreach (var row in reader)
        {
            rows.Add((row[prompt].ToString(), row[category].ToString()));
        }

        return rows.Count;
    }

    [Benchmark]
    public int CsvHelper_parse_rows()
    {
        using var reader = CsvReader.Create(_bytes, new CsvReaderOptions { Separator = ',' });
        reader.ReadHeader();
        var prompt = reader.GetFieldIndex("prompt");
        var category = reader.GetFieldIndex("category");
        var rows = new List<(string, string)>(Rows);
        while (reader.Read())
        {
            rows.Add((reader.GetString(prompt), reader.GetString(category)));
        }

        return rows.Count;
    }

    [Benchmark]
    public int OrBench_parse_80k_in_memory() =>
        OrBenchDataset.ParseOfficialCsv(_bytes, "or-bench-80k.csv", OrBenchSubset.Full80K).Count;

    [Benchmark]
    public async Task<int> OrBench_load_80k_from_disk() =>
        (await OrBenchDataset.LoadAsync(OrBenchSubset.Full80K, new OrBenchDataOptions
        {
            DataDirectory = _directory,
            AllowDownload = false,
            LockFileMode = LockFileMode.Disabled,
        })).Count;
}
