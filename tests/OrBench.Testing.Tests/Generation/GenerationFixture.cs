using OrBench.Testing.Data;
using OrBench.Testing.Generation;
using OrBench.TestSupport.Chat;

namespace OrBench.Testing.Tests.Generation;

/// <summary>Fresh scripted clients and a temporary output directory per test.</summary>
internal sealed class GenerationFixture : IDisposable
{
    public GenerationFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "orbench-gen-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Dir(string name) => Path.Combine(Root, name);

    /// <param name="moderatorBFailsFromCall">mod-b's calls from this one on fail (a model error), or kill the run when <paramref name="kill"/> is given.</param>
    /// <param name="kill">Cancelled by the failing call: pass its token to <c>RunAsync</c> to simulate a crash.</param>
    public static Clients NewClients(int? moderatorBFailsFromCall = null, CancellationTokenSource? kill = null) => new(
        new StubChatClient("gen", GenerationScript.Generator),
        new StubChatClient("rew", GenerationScript.Rewriter),
        new StubChatClient("mod-a", GenerationScript.ModeratorA),
        new StubChatClient("mod-b", GenerationScript.ModeratorB) { FailFromCall = moderatorBFailsFromCall, Kill = kill },
        new StubChatClient("mod-c", GenerationScript.ModeratorC));

    public static GenerationOptions Options(string directory, bool resume = false) => new()
    {
        OutputDirectory = directory,
        Resume = resume,
        Categories = [OrBenchCategory.Violence, OrBenchCategory.Privacy],
        SeedsPerCategory = 3,
        SeedBatchSize = 2,
        RewritesPerSeed = 2,
        MaxConcurrency = 4,
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal sealed record Clients(
        StubChatClient Generator, StubChatClient Rewriter, StubChatClient A, StubChatClient B, StubChatClient C)
    {
        public GenerationModels Models => new(
            new GenerationModel("gen", Generator),
            [new GenerationModel("mod-a", A), new GenerationModel("mod-b", B), new GenerationModel("mod-c", C)],
            new GenerationModel("rew", Rewriter));

        public IReadOnlyList<StubChatClient> Moderators => [A, B, C];
    }
}
