namespace OrBench.TestSupport.OpenAi;

/// <summary>Ready-made fault scripts for <see cref="OpenAiStubOptions.Faults"/>.</summary>
public static class StubFaults
{
    /// <summary>Every transient fault kind a retry policy must survive: 429 with Retry-After, 500, a hang past the attempt timeout, a connection reset.</summary>
    public static StubFault[] TransientKinds => [StubFault.RateLimited, StubFault.ServerError, StubFault.Hang, StubFault.DropConnection];

    /// <summary>No faults.</summary>
    public static Func<StubCall, StubFault> None { get; } = _ => StubFault.None;

    /// <summary>
    /// Each attempt fails with <paramref name="probability"/>, with one of <paramref name="kinds"/>, decided by a hash of
    /// (seed, prompt, attempt) — so the same prompts fail the same way whatever order concurrent requests arrive in.
    /// </summary>
    public static Func<StubCall, StubFault> Random(double probability, int seed, params StubFault[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        if (kinds.Length == 0)
        {
            throw new ArgumentException("Give at least one fault kind.", nameof(kinds));
        }

        return call =>
        {
            var (roll, pick) = Roll(seed, call.Prompt, call.Attempt);
            return roll < probability ? kinds[pick % kinds.Length] : StubFault.None;
        };
    }

    /// <summary>Every request whose prompt contains <paramref name="marker"/> gets <paramref name="fault"/>.</summary>
    public static Func<StubCall, StubFault> WhenPromptContains(string marker, StubFault fault) =>
        call => call.Prompt.Contains(marker, StringComparison.Ordinal) ? fault : StubFault.None;

    /// <summary>The first <paramref name="attempts"/> requests of every prompt get <paramref name="fault"/>.</summary>
    public static Func<StubCall, StubFault> FirstAttempts(int attempts, StubFault fault) =>
        call => call.Attempt <= attempts ? fault : StubFault.None;

    /// <summary>The first script that picks a fault wins.</summary>
    public static Func<StubCall, StubFault> FirstOf(params Func<StubCall, StubFault>[] scripts) =>
        call =>
        {
            foreach (var script in scripts)
            {
                var fault = script(call);
                if (fault != StubFault.None)
                {
                    return fault;
                }
            }

            return StubFault.None;
        };

    /// <summary>A deterministic roll in [0, 1) and a pick, from FNV-1a over the inputs.</summary>
    public static (double Roll, int Pick) Roll(int seed, string prompt, int attempt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var hash = 14695981039346656037UL;
        void Mix(ulong value)
        {
            for (var i = 0; i < 8; i++)
            {
                hash ^= (byte)(value >> (8 * i));
                hash *= 1099511628211UL;
            }
        }

        Mix((ulong)seed);
        Mix((ulong)attempt);
        foreach (var c in prompt)
        {
            Mix(c);
        }

        // Final avalanche (splitmix64) so nearby inputs spread out.
        var z = hash + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return ((z >> 11) * (1.0 / (1UL << 53)), (int)(z & 0x7FFF));
    }
}
