using System.Globalization;
using OrBench.Testing.Data;

namespace OrBench.Probe;

/// <summary>
/// <c>OrBench.Probe sample &lt;csv&gt; &lt;n&gt; &lt;seed&gt;</c>: loads the CSV (as the official subset when the file has an
/// official name, else as a custom set), draws the seeded stratified sample and prints its ids, one per line, so a
/// test can compare them with an in-process sample drawn under another culture or globalization mode.
/// </summary>
internal static class SampleProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 3
            || !int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            || !int.TryParse(args[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            await Console.Error.WriteLineAsync("usage: OrBench.Probe sample <csv> <n> <seed>");
            return 2;
        }

        var path = Path.GetFullPath(args[0]);
        try
        {
            var set = await LoadAsync(path);
            var sample = set.Sample(count, seed);
            var output = Console.Out;
            foreach (var prompt in sample)
            {
                await output.WriteAsync(prompt.Id + "\n");
            }

            await output.FlushAsync();
            return 0;
        }
        catch (OrBenchDataException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static Task<PromptSet> LoadAsync(string path)
    {
        OrBenchSubset? subset = Path.GetFileName(path) switch
        {
            OrBenchFiles.Hard1K => OrBenchSubset.Hard1K,
            OrBenchFiles.Toxic => OrBenchSubset.Toxic,
            OrBenchFiles.Full80K => OrBenchSubset.Full80K,
            _ => null,
        };

        return subset is { } official
            ? OrBenchDataset.LoadAsync(official, new OrBenchDataOptions
            {
                DataDirectory = Path.GetDirectoryName(path),
                AllowDownload = false,
                // With ORBENCH_LOCK_FILE set the probe records the file in that lock, as a test process would.
                LockFileMode = Environment.GetEnvironmentVariable("ORBENCH_LOCK_FILE") is null ? LockFileMode.Disabled : LockFileMode.CreateOrVerify,
            })
            : OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Answer);
    }
}
