using Microsoft.Extensions.AI;

namespace OrBench.Testing.Generation;

/// <summary>
/// One model taking part in generation (generator, rewriter or moderator). The <see cref="Name"/> is what provenance,
/// summaries and the response journal record, so choose a stable one (for example the deployed model id): renaming a
/// model on <c>--resume</c> is treated as a different model.
/// </summary>
/// <param name="Name">Stable display name recorded in provenance; never an endpoint URL holding secrets.</param>
/// <param name="Client">The client, already carrying its middleware (response cache, retries, rate limits).</param>
public sealed record GenerationModel(string Name, IChatClient Client)
{
    /// <summary>Extra options (model id, max output tokens, provider settings); the pipeline sets temperature and seed on a copy.</summary>
    public ChatOptions? ChatOptions { get; init; }

    /// <summary>Optional token prices, so the summary can show an estimated cost next to the token counts.</summary>
    public TokenPrice? Price { get; init; }

    /// <summary>Creates a model named after the client's reported default model id (or its provider name, or <c>model</c>).</summary>
    public static GenerationModel From(IChatClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var metadata = client.GetService<ChatClientMetadata>();
        var name = metadata?.DefaultModelId ?? metadata?.ProviderName ?? "model";
        return new GenerationModel(name, client);
    }
}
