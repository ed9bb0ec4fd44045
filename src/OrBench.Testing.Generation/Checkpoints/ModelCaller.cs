using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace OrBench.Testing.Generation.Checkpoints;

/// <summary>
/// The one door every model call of the pipeline goes through: bounds concurrency across stages, replays
/// journaled answers, journals new ones, tallies tokens and reports progress.
/// </summary>
internal sealed class ModelCaller(CallJournal journal, UsageLedger ledger, int maxConcurrency, IProgress<GenerationProgress>? progress)
    : IDisposable
{
    private readonly SemaphoreSlim _gate = new(maxConcurrency, maxConcurrency);
    private GenerationStage _stage;
    private int _done;
    private int _total;

    /// <summary>Starts counting progress for a stage.</summary>
    public void BeginStage(GenerationStage stage, int total)
    {
        _stage = stage;
        Volatile.Write(ref _done, 0);
        Volatile.Write(ref _total, total);
        Report();
    }

    /// <summary>Raises the planned total of the current stage.</summary>
    public void AddToTotal(int more)
    {
        Interlocked.Add(ref _total, more);
        Report();
    }

    /// <summary>Sends one user message and returns the answer text (from the journal when it has it).</summary>
    public async Task<string> AskAsync(GenerationStage stage, GenerationModel model, string prompt, float temperature, long? seed, CancellationToken cancellationToken)
    {
        var options = model.ChatOptions?.Clone() ?? new ChatOptions();
        options.Temperature = temperature;
        if (seed is not null)
        {
            options.Seed = seed;
        }

        var key = Key(model, options, prompt);
        if (journal.TryGet(key, out var entry))
        {
            ledger.Record(stage, model.Name, entry.InputTokens, entry.OutputTokens, replayed: true);
            Finish();
            return entry.Text;
        }

        await _gate.WaitAsync(cancellationToken);
        ChatResponse response;
        try
        {
            response = await model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], options, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed call still finishes its unit of progress; the caller decides what the failure means.
            Finish();
            throw;
        }
        finally
        {
            _gate.Release();
        }

        var text = response.Text ?? string.Empty;
        var input = response.Usage?.InputTokenCount ?? 0;
        var output = response.Usage?.OutputTokenCount ?? 0;
        // Journal even when the run is being cancelled: the answer was paid for and must not be requested again.
        await journal.AppendAsync(new JournalEntry(key, model.Name, stage, text, input, output), CancellationToken.None);
        ledger.Record(stage, model.Name, input, output, replayed: false);
        Finish();
        return text;
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// True for a model error (the client threw after its own retries) that a stage records and goes on from; false
    /// when the run is being stopped (our token) or the response cache is broken, which end the run.
    /// </summary>
    public static bool IsModelFailure(Exception e, CancellationToken cancellationToken) =>
        !(e is OperationCanceledException && cancellationToken.IsCancellationRequested) && e is not Middleware.ResponseCacheException;

    /// <summary>The exception type and message of a failed call, on one line.</summary>
    public static string Describe(Exception e, int maxLength = 2000)
    {
        // Provider errors may echo the key they rejected; provenance and summaries are files teams share.
        var message = Middleware.Secrets.Scrub($"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" "));
        return message.Length > maxLength ? message[..maxLength] : message;
    }

    private static string Key(GenerationModel model, ChatOptions options, string prompt)
    {
        var builder = new StringBuilder()
            .Append(model.Name).Append('\n')
            .Append(options.ModelId).Append('\n')
            .Append(options.Temperature?.ToString("R", CultureInfo.InvariantCulture)).Append('\n')
            .Append(options.Seed?.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var settings = RunFingerprint.Settings(options);
        if (settings.Length > 0)
        {
            // Only when set, so the keys of journals written without such settings stay valid.
            builder.Append(settings).Append('\n');
        }

        builder.Append(prompt);
        return Dedup.TextNormalizer.Sha256(builder.ToString());
    }

    private void Finish()
    {
        Interlocked.Increment(ref _done);
        Report();
    }

    private void Report() =>
        progress?.Report(new GenerationProgress(_stage, Volatile.Read(ref _done), Volatile.Read(ref _total), ledger.InputTokens, ledger.OutputTokens));
}
