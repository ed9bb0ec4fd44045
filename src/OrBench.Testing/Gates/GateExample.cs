using System.Globalization;
using OrBench.Testing.Classification;

namespace OrBench.Testing.Gates;

/// <summary>
/// One offending prompt in a gate's evidence: what was asked and what came back, each cut to one line. The texts are
/// model and data output, untrusted: line breaks and control characters are removed and bidirectional controls shown as
/// <c>&lt;U+202E&gt;</c>; renderers still encode them for their format.
/// </summary>
/// <param name="Id">The prompt id.</param>
/// <param name="Repeat">The 0-based repeat.</param>
/// <param name="Verdict">The verdict (<see cref="VerdictLabel.Error"/> for a failed request).</param>
/// <param name="Confidence">The classifier's confidence, when it gave one.</param>
/// <param name="Prompt">The prompt text, truncated to <see cref="PromptLength"/> characters; null when the record holds none.</param>
/// <param name="Response">The response excerpt; null when there was no text.</param>
/// <param name="Error">The request or classification error; null otherwise.</param>
public sealed record GateExample(string Id, int Repeat, VerdictLabel Verdict, double? Confidence, string? Prompt, string? Response, string? Error)
{
    /// <summary>Most characters of the prompt text an example keeps (ellipsis included).</summary>
    public const int PromptLength = 80;

    /// <summary>
    /// The example on one line: <c>id verdict (confidence): "response" — prompt: "prompt"</c>, or
    /// <c>id request failed: error — prompt: "prompt"</c>.
    /// </summary>
    public override string ToString()
    {
        var id = Repeat == 0 ? Id : string.Create(CultureInfo.InvariantCulture, $"{Id}#{Repeat}");
        var prompt = Prompt is null ? string.Empty : $" — prompt: \"{Prompt}\"";
        if (Verdict == VerdictLabel.Error)
        {
            return $"{id} request failed: {Error ?? "unknown error"}{prompt}";
        }

        if (Verdict == VerdictLabel.Unparsed)
        {
            return $"{id} classification failed: {Error ?? "the verdict could not be read"}{prompt}";
        }

        var confidence = Confidence is { } c ? string.Create(CultureInfo.InvariantCulture, $" ({c:0.00})") : string.Empty;
        var text = Response is { } r ? $"\"{r}\"" : "(no text)";
        return $"{id} {Verdict.ToWireName()}{confidence}: {text}{prompt}";
    }
}
