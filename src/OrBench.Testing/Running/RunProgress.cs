namespace OrBench.Testing.Running;

/// <summary>A progress report, published through <see cref="IProgress{T}"/> after every finished request.</summary>
/// <param name="Done">Requests finished, whatever their outcome.</param>
/// <param name="Total">Requests in the run (prompts × repeats).</param>
/// <param name="Errors">Requests that ended as <see cref="OutcomeKind.Error"/>.</param>
/// <param name="Eta">Estimated time to finish, once it can be estimated.</param>
public sealed record RunProgress(int Done, int Total, int Errors, TimeSpan? Eta);
