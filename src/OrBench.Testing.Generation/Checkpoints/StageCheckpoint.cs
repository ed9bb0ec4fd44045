using System.Text.Json;
using OrBench.Testing.IO;

namespace OrBench.Testing.Generation.Checkpoints;

/// <summary>
/// A finished stage's output, written atomically to the output directory. The fingerprint covers the stage's
/// parameters, the earlier stages' parameters and the stage's input, so a checkpoint is only reused for the same work.
/// </summary>
internal sealed record StageCheckpoint<TItem, TStatistics>(
    int SchemaVersion,
    GenerationStage Stage,
    string Fingerprint,
    IReadOnlyList<TItem> Items,
    TStatistics Statistics,
    IReadOnlyList<GenerationUsage> Usage)
{
    public const int CurrentSchemaVersion = 1;

    public Task WriteAsync(string path, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(path, JsonSerializer.Serialize(this, GenerationJson.Document) + "\n", cancellationToken);

    /// <summary>Reads a checkpoint and checks it belongs to this run.</summary>
    /// <exception cref="GenerationException">Unreadable, another schema, another stage, or made with other parameters or input.</exception>
    public static async Task<StageCheckpoint<TItem, TStatistics>> ReadAsync(
        string path, GenerationStage stage, string fingerprint, CancellationToken cancellationToken)
    {
        StageCheckpoint<TItem, TStatistics>? checkpoint;
        try
        {
            await using var stream = File.OpenRead(path);
            checkpoint = await JsonSerializer.DeserializeAsync<StageCheckpoint<TItem, TStatistics>>(stream, GenerationJson.Document, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new GenerationException($"Checkpoint '{path}' is not valid JSON ({e.Message}). Delete it to redo the {stage} stage.", e) { Path = path };
        }

        if (checkpoint is null || checkpoint.SchemaVersion != CurrentSchemaVersion || checkpoint.Stage != stage || checkpoint.Items is null)
        {
            throw new GenerationException($"Checkpoint '{path}' is not a {stage} checkpoint of schema version {CurrentSchemaVersion}. Delete it to redo the stage.") { Path = path };
        }

        if (!string.Equals(checkpoint.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            throw new GenerationException(
                $"Checkpoint '{path}' was made with different parameters, models or input than this run (fingerprint {Short(checkpoint.Fingerprint)}, expected {Short(fingerprint)}). " +
                "Resume with the original options, or delete this checkpoint and every later one to redo those stages.")
            { Path = path };
        }

        return checkpoint;
    }

    /// <summary>The first 12 digits of a fingerprint; a hand-edited checkpoint may hold a shorter one, or none.</summary>
    private static string Short(string? fingerprint) =>
        fingerprint is null ? "(none)" : fingerprint.Length > 12 ? fingerprint[..12] : fingerprint;
}
