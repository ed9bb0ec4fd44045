using System.CommandLine;
using OrBench.Tool.Cli;
using OrBench.Tool.Composition;

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
            Description = "A .received.jsonl file, or a directory searched recursively (default: the current directory).",
            DefaultValueFactory = _ => ".",
        };
        var command = new Command("accept", "Accept snapshot changes: move *.received.jsonl over *.verified.jsonl.") { path };
        command.SetToolAction(console, async (parseResult, cancellationToken) =>
        {
            var target = console.FullPath(parseResult.GetRequiredValue(path));
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                throw new UsageException($"'{parseResult.GetRequiredValue(path)}' is neither a file nor a directory");
            }

            var accepted = await StagePending.AcceptAsync(target, cancellationToken);
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
