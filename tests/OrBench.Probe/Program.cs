using OrBench.Probe;

return args.FirstOrDefault() switch
{
    "sample" => await SampleProbe.RunAsync(args[1..]),
    "cache-write" => await CacheWriteProbe.RunAsync(args[1..]),
    "stub" => await StubProbe.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: OrBench.Probe sample|cache-write|stub ARGS");
    return 2;
}
