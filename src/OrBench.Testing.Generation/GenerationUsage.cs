namespace OrBench.Testing.Generation;

/// <summary>
/// Model calls and tokens behind one stage's output for one model. Counts include answers replayed from the
/// journal or a checkpoint (they were paid for once), so a resumed run reports the same totals as an uninterrupted
/// one; <see cref="ReplayedCalls"/> says how many of them cost nothing this time. Token counts are what the
/// provider reported in <c>ChatResponse.Usage</c> (zero when it reported none; a response cache replays the
/// original usage).
/// </summary>
/// <param name="Stage">The stage.</param>
/// <param name="Model">The model's name.</param>
/// <param name="Calls">Answers used by the stage.</param>
/// <param name="ReplayedCalls">Of those, answers taken from the journal or a checkpoint in this invocation.</param>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="EstimatedCost">From the model's <see cref="TokenPrice"/>, when it has one.</param>
public sealed record GenerationUsage(
    GenerationStage Stage,
    string Model,
    int Calls,
    int ReplayedCalls,
    long InputTokens,
    long OutputTokens,
    decimal? EstimatedCost);
