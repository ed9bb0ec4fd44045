using System.Diagnostics;
using System.Globalization;
using OrBench.Benchmarks.Classification;
using OrBench.Testing.Classification.Offline;

namespace OrBench.ClassifierLab;

/// <summary>Where the offline model's time goes: normalisation, feature extraction without weights, full scoring (CPU time, best of 3, one thread).</summary>
internal static class Profile
{
    public static int Run()
    {
        var responses = SyntheticResponses.Create();
        var buffer = new char[OfflineFeaturizer.MaxChars];
        var starts = new int[SpeakerTagNormalizer.MaxSegments];
        Time("normalize", () =>
        {
            var sum = 0;
            foreach (var r in responses)
            {
                sum += SpeakerTagNormalizer.Normalize(r, buffer, starts, out _, out _);
            }

            return sum;
        });
        Time("extract (counting sink)", () =>
        {
            var sink = new CountingSink();
            foreach (var r in responses)
            {
                OfflineFeaturizer.Extract(SyntheticResponses.Prompt, r, 18, ref sink);
            }

            return sink.Count;
        });
        var model = OfflineModel.Default;
        Time("predict", () => responses.Count(r => model.Predict(SyntheticResponses.Prompt, r).Label == Testing.Classification.VerdictLabel.DirectAnswer));
        return 0;
    }

    private static void Time(string name, Func<long> run)
    {
        var best = double.MaxValue;
        long result = 0;
        for (var i = 0; i < 3; i++)
        {
            var start = Process.GetCurrentProcess().TotalProcessorTime;
            result = run();
            best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{best:F3} s\t{result}"));
    }

    private struct CountingSink : IFeatureSink
    {
        public long Count;

        public void Add(int index, float value) => Count += index & 1;
    }
}
