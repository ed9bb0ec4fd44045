namespace OrBench.TestSupport.OpenAi;

/// <summary>One request as a fault script sees it.</summary>
/// <param name="Prompt">The text of the last user message.</param>
/// <param name="Attempt">1 for the first request with this prompt, 2 for the second, …</param>
/// <param name="CallNumber">1-based number of the request among all the stub received.</param>
public sealed record StubCall(string Prompt, int Attempt, int CallNumber);
