using OrBench.Tool.Cli;

using var signals = new TerminationSignals();
return await OrBenchCli.InvokeAsync(args, ToolConsole.System, signals.Token);
