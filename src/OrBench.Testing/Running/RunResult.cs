using OrBench.Testing.Data;

namespace OrBench.Testing.Running;

/// <summary>The output of the Run stage: one outcome per prompt and repeat, in prompt order, plus run facts.</summary>
public sealed record RunResult
{
    /// <summary>The model id, as configured or as reported by the provider.</summary>
    public string? Model { get; init; }

    /// <summary>The prompts that were sent.</summary>
    public required PromptSet Prompts { get; init; }

    /// <summary>Exactly one outcome per prompt and repeat, ordered by prompt (set order) then repeat. Never fewer: failures are <see cref="OutcomeKind.Error"/>.</summary>
    public required IReadOnlyList<PromptOutcome> Outcomes { get; init; }

    /// <summary>The options the run used, for the report.</summary>
    public required RunOptions Options { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall time of the whole run.</summary>
    public TimeSpan WallTime { get; init; }

    /// <summary>True when the run was cancelled; <see cref="Outcomes"/> then holds only what finished.</summary>
    public bool Cancelled { get; init; }
}
