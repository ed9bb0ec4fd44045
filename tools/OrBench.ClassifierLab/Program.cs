using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using OrBench.ClassifierLab;
using OrBench.Testing.Classification.Offline;

// Usage (XSTest from $ORBENCH_XSTEST_DIR, GPTFuzz from $ORBENCH_GPTFUZZ_DIR or ../gptfuzz beside it):
//   dotnet run -c Release --project tools/OrBench.ClassifierLab -- train [--output src/OrBench.Testing/Classification/Offline/offline-model.bin]
//   dotnet run -c Release --project tools/OrBench.ClassifierLab -- evaluate [--markdown FILE] [--errors FILE] [--no-baseline] [--only TEXT (splits whose name contains it)]
//   dotnet run -c Release --project tools/OrBench.ClassifierLab -- corpus --output FILE.jsonl   (synthetic 80,000 x 1 KB corpus)
//   dotnet run -c Release --project tools/OrBench.ClassifierLab -- speed                        (single-core throughput)
//   dotnet run -c Release --project tools/OrBench.ClassifierLab -- classify FILE.jsonl          (whole-process timing: one JSON string per line)
var command = args.Length > 0 ? args[0] : "evaluate";
if (command is "corpus" or "speed")
{
    return Speed.Run(command, args);
}

if (command == "profile")
{
    return Profile.Run();
}

if (command == "classify")
{
    return Speed.ClassifyFile(args[1]);
}

var options = Training.Options;
if (Option("--l2") is { } l2)
{
    options = options with { L2 = double.Parse(l2, CultureInfo.InvariantCulture) };
}

if (Option("--bits") is { } bits)
{
    options = options with { BucketBits = int.Parse(bits, CultureInfo.InvariantCulture) };
}

if (Option("--iterations") is { } iterations)
{
    options = options with { Iterations = int.Parse(iterations, CultureInfo.InvariantCulture) };
}

if (Option("--seed-share") is { } seedShare)
{
    var share = double.Parse(seedShare, CultureInfo.InvariantCulture);
    options = options with { SourceShares = new Dictionary<string, double>(StringComparer.Ordinal) { ["seed"] = share, ["xstest"] = (1 - share) / 2, ["gptfuzz"] = (1 - share) / 2 } };
}

var all = DevData.LoadAll();
switch (command)
{
    case "train":
        {
            var output = Option("--output") ?? Path.Combine("src", "OrBench.Testing", "Classification", "Offline", "offline-model.bin");
            var watch = Stopwatch.StartNew();
            var model = Training.Train(all, options);
            var temp = output + ".tmp";
            using (var stream = File.Create(temp))
            {
                model.Write(stream);
            }

            File.Move(temp, output, overwrite: true);
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(output)));
            Console.WriteLine($"trained on {all.Count} responses ({string.Join(", ", all.GroupBy(r => r.Source).Select(g => $"{g.Key} {g.Count()}"))}) in {watch.Elapsed.TotalSeconds:F1} s: {output} ({new FileInfo(output).Length} bytes) sha256 {hash}");
            Console.WriteLine($"options: L2 {options.L2}, bits {options.BucketBits}, iterations {options.Iterations}, shares {string.Join(", ", options.SourceShares.Select(p => $"{p.Key} {p.Value}"))}");
            break;
        }

    case "evaluate":
        {
            var report = Validation.Run(all, options, baseline: !args.Contains("--no-baseline"), errors: Option("--errors"), only: Option("--only"));
            Console.Write(report);
            if (Option("--markdown") is { } markdown)
            {
                File.WriteAllText(markdown, report);
            }

            break;
        }

    default:
        Console.Error.WriteLine($"Unknown command '{command}'. Commands: train, evaluate, corpus, speed, classify.");
        return 2;
}

return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
