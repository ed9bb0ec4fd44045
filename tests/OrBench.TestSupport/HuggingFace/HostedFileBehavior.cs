namespace OrBench.TestSupport.HuggingFace;

/// <summary>How the loopback hub answers a request for one file.</summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="StatusCode">Non-null: answer with this status and no body instead of the file.</param>
/// <param name="CutShortAfter">Non-null: announce the full length, send only this many bytes, then drop the connection.</param>
public sealed record HostedFileBehavior(byte[] Content, int? StatusCode = null, int? CutShortAfter = null);
