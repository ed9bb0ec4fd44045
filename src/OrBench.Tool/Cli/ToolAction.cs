using System.CommandLine;

namespace OrBench.Tool.Cli;

/// <summary>
/// Wraps a command body so that every failure ends the same way: one line on stderr and the matching exit code.
/// The full exception is printed only when <c>ORBENCH_DEBUG=1</c>.
/// </summary>
internal static class ToolAction
{
    /// <summary>Sets <paramref name="body"/> as the action of <paramref name="command"/>.</summary>
    public static void SetToolAction(this Command command, ToolConsole console, Func<ParseResult, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var name = $"orbench {command.Name}";
            try
            {
                // The keys of the default variables are scrubbed on every command, not only those that send them: accept,
                // report and classify print and write text (a snapshot, a results file, an error quoting a field) that
                // may hold a key echoed earlier. Keys of variables named with --api-key-env are registered when read.
                foreach (var variable in DefaultKeyVariables)
                {
                    Testing.Middleware.Secrets.Register(console.GetEnvironmentVariable(variable));
                }

                command.RunChecks(parseResult);
                return await body(parseResult, cancellationToken);
            }
            catch (UsageException e)
            {
                await WriteAsync(console, name, e, $"{e.Message} (see '{name} --help')", "");
                return ExitCodes.BadArguments;
            }
            catch (ToolFailureException e)
            {
                await WriteAsync(console, name, e, e.Message);
                return e.ExitCode;
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                await WriteAsync(console, name, e, CancelledMessage(command.Name));
                return ExitCodes.Failure;
            }
#pragma warning disable CA1031 // The tool's contract: any failure is one line on stderr and exit code 1.
            catch (Exception e)
#pragma warning restore CA1031
            {
                await WriteAsync(console, name, e, Describe(e));
                return ExitCodes.Failure;
            }
        });
    }

    private static readonly string[] DefaultKeyVariables = ["ORBENCH_API_KEY", "ORBENCH_JUDGE_API_KEY"];

    // What survives a cancel differs by command; the message must not promise a cache that was never given.
    private static string CancelledMessage(string command) => command switch
    {
        "run" => "cancelled; no output was written (responses that finished are kept in --cache, when one was given)",
        "generate" => "cancelled; answers received so far are in the output's call journal: rerun with --resume to continue",
        _ => "cancelled; no output was written",
    };

    private static string Describe(Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e;
        return inner.Message;
    }

    private static async Task WriteAsync(ToolConsole console, string name, Exception e, string message, string kind = "error: ")
    {
        // Exception texts may quote a server that echoed the key: scrubbed like everything else the tool prints.
        var oneLine = Testing.Middleware.Secrets.ScrubRegistered(message).ReplaceLineEndings(" ").Trim();
        await console.Error.WriteLineAsync($"{name}: {kind}{oneLine}");
        if (console.GetEnvironmentVariable("ORBENCH_DEBUG") == "1")
        {
            await console.Error.WriteLineAsync(Testing.Middleware.Secrets.ScrubRegistered(e.ToString()));
        }
    }
}
