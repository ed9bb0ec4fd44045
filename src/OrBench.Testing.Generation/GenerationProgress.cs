namespace OrBench.Testing.Generation;

/// <summary>A progress report, published after every finished model call (or replayed answer) of a stage.</summary>
/// <param name="Stage">The stage that is running.</param>
/// <param name="Done">Calls of the stage finished so far.</param>
/// <param name="Total">Calls the stage plans; stage 1 may raise it when batches come back short.</param>
/// <param name="InputTokens">Prompt tokens used so far in this invocation, all stages.</param>
/// <param name="OutputTokens">Completion tokens used so far in this invocation, all stages.</param>
public sealed record GenerationProgress(GenerationStage Stage, int Done, int Total, long InputTokens, long OutputTokens);
