using OrBench.TestSupport.OpenAi;

namespace OrBench.Probe;

/// <summary>
/// <c>OrBench.Probe stub [seconds] [latency-ms]</c>: serves the loopback OpenAI-compatible stub, prints its endpoint, and
/// stops after the given time (default 600 s) — for pointing the samples or the tool at a local "model" by hand, and for
/// the whole-process benchmarks (benchmarks/whole-process.sh), which give every answer a fixed latency.
/// </summary>
internal static class StubProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 && int.TryParse(args[0], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 600;
        var latency = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var ms) ? ms : 0;
        await using var stub = await OpenAiStubServer.StartAsync(new OpenAiStubOptions { Latency = TimeSpan.FromMilliseconds(latency) });
        Console.WriteLine(stub.Endpoint);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Console.Error.WriteLine($"stub served {stub.Calls} calls");
        return 0;
    }
}
