namespace OrBench.TestSupport.Hostile;

/// <summary>How <see cref="HostileServer"/> misbehaves: one way for every request, so each test names the one it exercises.</summary>
public enum HostileMode
{
    /// <summary>A well-formed completion (the control case).</summary>
    Normal,

    /// <summary>HTTP 200 with an HTML page instead of JSON (a captive portal or a proxy's login page).</summary>
    Html200,

    /// <summary>HTTP 200 with a completion cut off mid-JSON.</summary>
    TruncatedJson,

    /// <summary>The connection is reset without a response.</summary>
    ConnectionReset,

    /// <summary>HTTP 200 whose <c>choices[0].message.content</c> is the number 12345.</summary>
    NonStringContent,

    /// <summary>HTTP 200 with <c>"choices": []</c>.</summary>
    EmptyChoices,

    /// <summary>HTTP 200 whose body is an OpenAI error object (a gateway that forwards upstream errors as 200).</summary>
    ErrorIn200,

    /// <summary>
    /// Echoes the caller's key (the bearer token) in a response header and in the body: odd calls answer 200 with the key
    /// in the completion text, even calls 401 with the key in the error message, as OpenAI's "Incorrect API key provided".
    /// </summary>
    KeyEcho,

    /// <summary>HTTP 200 with a completion whose text is <see cref="HostileServer.HugeBodyBytes"/> long.</summary>
    HugeBody,

    /// <summary>HTTP 429 with <c>Retry-After: 999999999</c>.</summary>
    AbsurdRetryAfter,

    /// <summary>HTTP 400 <c>Unsupported parameter: 'content_filter_policy'</c>: a client error that merely mentions content filters.</summary>
    ContentFilterMention400,

    /// <summary>HTTP 401 to everything.</summary>
    Unauthorized401,

    /// <summary>HTTP 200 with <c>finish_reason: content_filter</c> and no text: a real, structured block.</summary>
    ContentFilterFinish,
}
