namespace OrBench.TestSupport.OpenAi;

/// <summary>What the stub does with one request instead of answering normally.</summary>
public enum StubFault
{
    /// <summary>Answer normally.</summary>
    None,

    /// <summary>HTTP 429 with <c>Retry-After</c> and <c>retry-after-ms</c> headers.</summary>
    RateLimited,

    /// <summary>HTTP 500.</summary>
    ServerError,

    /// <summary>Hold the request for <see cref="OpenAiStubOptions.HangDuration"/> (past any sane timeout), then answer.</summary>
    Hang,

    /// <summary>Abort the connection without a response (the client sees a reset).</summary>
    DropConnection,

    /// <summary>HTTP 400 with error code <c>content_filter</c> in Azure OpenAI's error shape.</summary>
    ContentFilterError,

    /// <summary>HTTP 200 with no content and <c>finish_reason: content_filter</c>.</summary>
    ContentFilterFinish,

    /// <summary>HTTP 200 with an empty answer.</summary>
    EmptyAnswer,
}
