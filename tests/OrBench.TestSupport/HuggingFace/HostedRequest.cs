namespace OrBench.TestSupport.HuggingFace;

/// <summary>One request the loopback hub received, for assertions about what the client sent.</summary>
/// <param name="Path">The request path, e.g. <c>/datasets/bench-llm/or-bench/resolve/main/or-bench-hard-1k.csv</c>.</param>
/// <param name="Authorization">The Authorization header as sent, or null.</param>
/// <param name="StatusCode">The status the hub answered with.</param>
public sealed record HostedRequest(string Path, string? Authorization, int StatusCode);
