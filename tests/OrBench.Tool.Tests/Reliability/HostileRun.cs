using OrBench.TestSupport.Hostile;
using OrBench.Tool.Tests.Infrastructure;

namespace OrBench.Tool.Tests.Reliability;

/// <summary>A temp folder with a small prompt file and a <see cref="HostileServer"/>; runs <c>orbench run</c> against it.</summary>
internal sealed class HostileRun : IAsyncDisposable
{
    // A hang guard, not a measurement: on a build without bounded waits a run would sit out minutes of Retry-After.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    private HostileRun(HostileServer server, TempDirectory directory, string prompts)
    {
        Server = server;
        Directory = directory;
        Prompts = prompts;
    }

    public HostileServer Server { get; }

    public TempDirectory Directory { get; }

    public string Prompts { get; }

    public static async Task<HostileRun> StartAsync(HostileMode mode, int prompts = 3)
    {
        var directory = new TempDirectory();
        return new HostileRun(await HostileServer.StartAsync(mode), directory, PromptFiles.Write(directory, prompts));
    }

    public Task<ToolOutcome> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] extra) =>
        InvokeAsync(environment, ["run", "--endpoint", Server.Endpoint.ToString(), "--model", "hostile-model", "--prompts", Prompts, "--classifier", "keyword", .. extra]);

    public async Task<ToolOutcome> InvokeAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        await Orbench.InvokeInAsync(Directory.Path, environment, args).WaitAsync(Guard);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Dispose();
    }
}
