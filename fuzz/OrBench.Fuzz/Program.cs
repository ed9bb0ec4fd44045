using OrBench.Fuzz;
using SharpFuzz;

// Usage: OrBench.Fuzz csv|jsonl [--libfuzzer]
// Without --libfuzzer the harness speaks AFL's fork-server protocol (afl-fuzz); with it, libFuzzer's (libfuzzer-dotnet).
if (args.Length < 1 || !PromptFileTarget.TryCreate(args[0], out var target))
{
    await Console.Error.WriteLineAsync("usage: OrBench.Fuzz csv|jsonl [--libfuzzer]");
    return 2;
}

if (args.Contains("--libfuzzer", StringComparer.Ordinal))
{
    Fuzzer.LibFuzzer.Run(bytes => target.Load(bytes));
}
else
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target.Load(buffer.ToArray());
    });
}

return 0;
