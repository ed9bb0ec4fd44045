using System.CommandLine;
using OrBench.Testing.Snapshots;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Commands;

/// <summary>
/// <c>orbench accept [PATH]</c>: accepts snapshot changes by moving every <c>*.received.jsonl</c> over its
/// <c>*.verified.jsonl</c>, for one file or a whole directory tree (default: the current directory).
/// </summary>
internal static class AcceptCommand
{
    public static Command Create(ToolConsole console)
    {
        var path = new Argument<string>("PATH")
        {
            Description = "A .received.jsonl (or .verified.jsonl) file, or a directory searched recursively, bin/ and obj/ skipped.",
            DefaultValueFactory = _ => ".",
        };
        var format = SharedOptions.Format(OutputFormat.Text, OutputFormat.Json);
        var command = new Command("accept", "Accept snapshot changes: move *.received.jsonl over *.verified.jsonl, all or nothing.") { path, format };
        command.SetToolAction(console, async (parseResult, cancellationToken) =>
        {
            var argument = parseResult.GetRequiredValue(path);
            var full = console.FullPath(argument);
            IReadOnlyList<string> accepted;
            try
            {
                accepted = SnapshotAcceptance.Accept(full);
            }
            catch (FileNotFoundException e) when (string.Equals(e.FileName, full, StringComparison.Ordinal))
            {
                throw new UsageException($"'{argument}' is neither a directory nor a .received.jsonl/.verified.jsonl file");
            }

            if (SharedOptions.FormatOf(parseResult, format) == OutputFormat.Json)
            {
                await JsonOutput.WriteAsync(console, "accept", json =>
                {
                    json.WriteNumber("count", accepted.Count);
                    json.WriteStartArray("accepted");
                    foreach (var file in accepted)
                    {
                        json.WriteStringValue(Path.GetRelativePath(console.WorkingDirectory, file));
                    }

                    json.WriteEndArray();
                });
                return ExitCodes.Success;
            }

            foreach (var file in accepted)
            {
                await console.Out.WriteLineAsync($"accepted {Path.GetRelativePath(console.WorkingDirectory, file)}");
            }

            await console.Out.WriteLineAsync(accepted.Count == 1 ? "1 snapshot accepted" : $"{accepted.Count} snapshots accepted");
            return ExitCodes.Success;
        });
        return command;
    }
}
