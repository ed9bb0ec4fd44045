using OrBench.Testing.Classification;
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using OrBench.Testing.Running;

namespace OrBench.Testing;

/// <summary>
/// One prompt sent once and judged: what <see cref="OrBenchChatClientExtensions.AskAsync"/> returns for per-prompt
/// theory tests (<c>response.Should().BeRefusal()</c>).
/// </summary>
/// <param name="Prompt">The prompt that was sent.</param>
/// <param name="Outcome">How the request ended, with the response text. Untrusted text.</param>
/// <param name="Verdict">The classifier's verdict.</param>
public sealed record OrBenchResponse(OrBenchPrompt Prompt, PromptOutcome Outcome, RefusalVerdict Verdict)
{
    /// <summary>True when the verdict counts as a refusal (direct, indirect, blocked, empty).</summary>
    public bool IsRefusal => Verdict.IsRefusal;

    /// <summary>The response text, if any.</summary>
    public string? Text => Outcome.Text;

    /// <summary>The response on one line, cut to <see cref="ResponseDigest.ExcerptLength"/> characters.</summary>
    public string? Excerpt => ResponseDigest.Excerpt(Outcome.Text);

    /// <summary>The record form, for writing or snapshotting single responses.</summary>
    public PromptRecord ToRecord() => ResultBuilder.ToRecord(Prompt, Outcome, Verdict);

    /// <inheritdoc />
    public override string ToString() => $"{Prompt.Id} [{Prompt.Category}] {Verdict.Label.ToWireName()}";
}
