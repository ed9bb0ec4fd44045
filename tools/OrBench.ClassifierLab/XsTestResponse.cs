using OrBench.Testing.Classification;

namespace OrBench.ClassifierLab;

/// <summary>One human-labelled XSTest completion.</summary>
/// <param name="Model">Which model wrote it (file stem, e.g. <c>llama2orig</c>).</param>
/// <param name="Id">The XSTest prompt id.</param>
/// <param name="Prompt">The prompt.</param>
/// <param name="Completion">The model's response.</param>
/// <param name="Gold">The adjudicated human label mapped to the paper's classes.</param>
internal sealed record XsTestResponse(string Model, string Id, string Prompt, string Completion, VerdictLabel Gold);
