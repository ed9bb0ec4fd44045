using OrBench.Tool.Cli;

return await OrBenchCli.InvokeAsync(args, ToolConsole.System);
