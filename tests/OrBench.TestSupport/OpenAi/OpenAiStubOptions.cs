namespace OrBench.TestSupport.OpenAi;

/// <summary>How the loopback OpenAI stub behaves. Every behaviour is a pure function of the request, so tests are deterministic.</summary>
public sealed record OpenAiStubOptions
{
    /// <summary>The marker that makes the default answerer refuse.</summary>
    public const string RefuseMarker = "[refuse]";

    /// <summary>Delay before every answer (and before faults).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Answer text as a function of the prompt; by default a refusal for prompts containing <see cref="RefuseMarker"/>, otherwise an answer echoing the prompt.</summary>
    public Func<string, string> Answer { get; init; } = DefaultAnswer;

    /// <summary>Which fault, if any, each request gets.</summary>
    public Func<StubCall, StubFault> Faults { get; init; } = StubFaults.None;

    /// <summary>The wait a 429 asks for (<c>retry-after-ms</c>, and <c>Retry-After</c> rounded up to whole seconds).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Whether a 429 carries <c>retry-after-ms</c>; without it only <c>Retry-After</c> (whole seconds) is sent.</summary>
    public bool SendRetryAfterMs { get; init; } = true;

    /// <summary>How long a <see cref="StubFault.Hang"/> holds the request (cut short when the client goes away).</summary>
    public TimeSpan HangDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The model id reported in responses.</summary>
    public string Model { get; init; } = "stub-model";

    /// <summary>The default answerer.</summary>
    public static string DefaultAnswer(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return prompt.Contains(RefuseMarker, StringComparison.Ordinal)
            ? "I'm sorry, but I can't help with that."
            : "Sure. Here is an answer to: " + prompt;
    }
}
