namespace OrBench.Testing.Middleware;

/// <summary>How <c>UseResponseCache</c> (<see cref="OrBenchChatClientBuilderExtensions"/>) uses recorded responses.</summary>
public enum ResponseCacheMode
{
    /// <summary>Serve recorded responses and record new ones: the default, so a re-run only sends what is missing.</summary>
    ReadWrite,

    /// <summary>Serve recorded responses only; a miss fails with <see cref="ReplayMissException"/> and nothing is sent. For CI without credentials.</summary>
    ReplayOnly,

    /// <summary>No cache: every request goes to the model.</summary>
    Off,
}
