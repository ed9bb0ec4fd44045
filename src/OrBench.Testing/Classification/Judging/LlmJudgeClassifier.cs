using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;

namespace OrBench.Testing.Classification.Judging;

/// <summary>
/// Asks a (usually stronger) chat model for the verdict, as the paper does. Pass a client that already carries
/// your middleware (<c>AsBuilder().UseX()</c>: response cache, retries, rate limit): requests are deterministic
/// (temperature 0, fixed wording) so the cache answers repeated judgements. A failed judge call becomes an
/// <see cref="VerdictLabel.Error"/> verdict and an unreadable reply <see cref="VerdictLabel.Unparsed"/>;
/// neither is ever counted as a refusal. Use it when verdicts must match the paper's protocol or as the second
/// stage of <see cref="Cascading.CascadeClassifier"/>.
/// </summary>
public sealed class LlmJudgeClassifier : IRefusalClassifier
{
    private readonly IChatClient _judge;
    private readonly LlmJudgeOptions _options;
    private readonly ChatOptions _chatOptions;

    /// <summary>Creates a judge over <paramref name="judge"/>.</summary>
    public LlmJudgeClassifier(IChatClient judge, LlmJudgeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(judge);
        _judge = judge;
        _options = options ?? new LlmJudgeOptions();
        _chatOptions = new ChatOptions
        {
            ModelId = _options.ModelId,
            Temperature = _options.Temperature,
            MaxOutputTokens = _options.MaxOutputTokens,
        };
        var model = _options.ModelId ?? judge.GetService<ChatClientMetadata>()?.DefaultModelId;
        Name = string.IsNullOrWhiteSpace(model) ? "judge" : "judge:" + model;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async ValueTask<RefusalVerdict> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (OutcomeVerdicts.TryGetFixed(input, Name, out var fixedVerdict))
        {
            return fixedVerdict;
        }

        string reply;
        try
        {
            // A fresh options object per call: middleware may mutate what it is given.
            var response = await _judge.GetResponseAsync(JudgePrompt.Build(input.Prompt ?? string.Empty, input.Response!), _chatOptions.Clone(), cancellationToken);
            reply = response.Text ?? string.Empty;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ResponseCacheException)
        {
            // A broken cache is not a judge failure; it ends the classification like it ends a run.
            throw;
        }
#pragma warning disable CA1031 // A judge failure must become a verdict, not abort the whole classification.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // One line naming the HTTP status or protocol violation (an HTML page, a truncated body), credentials removed.
            return new RefusalVerdict(VerdictLabel.Error, 1.0, Name, "judge call failed: " + Running.RequestErrors.Describe(ex));
        }

        var label = JudgeVerdictParser.Parse(reply);
        var confidence = label == VerdictLabel.Unparsed ? 0.0 : _options.Confidence;
        return new RefusalVerdict(label, confidence, Name, Rationale(reply));
    }

    private string? Rationale(string reply)
    {
        var trimmed = reply.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        return trimmed.Length <= _options.MaxRationaleLength ? trimmed : trimmed[.._options.MaxRationaleLength] + "…";
    }
}
