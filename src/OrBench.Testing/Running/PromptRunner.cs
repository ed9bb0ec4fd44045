using Microsoft.Extensions.AI;
using OrBench.Testing.Data;

namespace OrBench.Testing.Running;

/// <summary>Sends a prompt set through an <see cref="IChatClient"/> under the paper's protocol (the Run stage). Knows nothing of verdicts.</summary>
public sealed class PromptRunner
{
    /// <summary>Creates a runner over a client that already carries its middleware (cache, retry, rate limit).</summary>
    public PromptRunner(IChatClient client, RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
        Options = options ?? new RunOptions();
    }

    /// <summary>The client prompts are sent through.</summary>
    public IChatClient Client { get; }

    /// <summary>The protocol options.</summary>
    public RunOptions Options { get; }

    /// <summary>Sends every prompt (× repeats) and returns exactly one outcome for each.</summary>
    public Task<RunResult> RunAsync(PromptSet prompts, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Contract stub: implemented by the Run stage.");
}
