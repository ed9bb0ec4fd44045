using OrBench.TestSupport.OpenAi;

namespace OrBench.Tool.Tests.Infrastructure;

/// <summary>
/// A temp folder with a prompt file of <see cref="PromptFiles"/> and a loopback <see cref="OpenAiStubServer"/>; runs
/// <c>orbench run</c> against it with the keyword classifier. The shared scaffolding of the run command's tests.
/// </summary>
public sealed class StubRun : IAsyncDisposable
{
    private StubRun(OpenAiStubServer stub, TempDirectory directory, string prompts)
    {
        Stub = stub;
        Directory = directory;
        Prompts = prompts;
    }

    public OpenAiStubServer Stub { get; }

    public TempDirectory Directory { get; }

    public string Prompts { get; }

    public static async Task<StubRun> StartAsync(int prompts, OpenAiStubOptions? options = null)
    {
        var directory = new TempDirectory();
        return new StubRun(await OpenAiStubServer.StartAsync(options), directory, PromptFiles.Write(directory, prompts));
    }

    public Task<ToolOutcome> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] extra) =>
        Orbench.InvokeInAsync(Directory.Path, environment,
            ["run", "--endpoint", Stub.Endpoint.ToString(), "--model", "stub-model", "--prompts", Prompts, "--classifier", "keyword", .. extra]);

    public async ValueTask DisposeAsync()
    {
        await Stub.DisposeAsync();
        Directory.Dispose();
    }
}
