using OrBench.Testing.Results;

namespace OrBench.Testing.Snapshots;

/// <summary>
/// Snapshot verification of per-prompt records, following Verify's conventions without depending on it: a committed
/// <c>.verified.jsonl</c> beside the test, a <c>.received.jsonl</c> on mismatch, acceptance by environment or command.
/// </summary>
public static class VerifiedRecords
{
    /// <summary>
    /// Compares <paramref name="result"/>'s records with <c>&lt;stem&gt;.verified.jsonl</c> in <paramref name="directory"/>,
    /// writing, creating, accepting or cleaning up files as <see cref="SnapshotStatus"/> describes.
    /// </summary>
    public static Task<SnapshotCheck> CheckAsync(OrBenchResult result, string directory, string stem, SnapshotOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return CheckReceivedAsync(Receive(result), directory, stem, options, cancellationToken);
    }

    /// <summary>The result's snapshot records in file order, and their file text: built once per verification.</summary>
    internal static (IReadOnlyList<SnapshotRecord> Records, string Text) Receive(OrBenchResult result)
    {
        var records = result.Records.Select(SnapshotRecord.From).OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Repeat).ToList();
        return (records, SnapshotFiles.Format(records));
    }

    internal static async Task<SnapshotCheck> CheckReceivedAsync((IReadOnlyList<SnapshotRecord> Records, string Text) receivedSnapshot, string directory, string stem, SnapshotOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(stem);
        options ??= new SnapshotOptions();

        var verifiedPath = SnapshotFiles.VerifiedPath(directory, stem);
        var receivedPath = SnapshotFiles.ReceivedPath(directory, stem);
        var (received, receivedText) = receivedSnapshot;

        if (!File.Exists(verifiedPath))
        {
            var all = SnapshotDiff.Compute([], received, options.VerifyResponses);
            if (options.OnCi && !options.ShouldAccept)
            {
                await SnapshotFiles.WriteAsync(receivedPath, receivedText, cancellationToken).ConfigureAwait(false);
                return new SnapshotCheck(SnapshotStatus.MissingOnCi, verifiedPath, receivedPath, all);
            }

            await SnapshotFiles.WriteAsync(verifiedPath, receivedText, cancellationToken).ConfigureAwait(false);
            DeleteIfExists(receivedPath);
            return new SnapshotCheck(SnapshotStatus.Created, verifiedPath, receivedPath, new SnapshotDiff { Changes = [] });
        }

        var verified = await SnapshotFiles.ReadAsync(verifiedPath, cancellationToken).ConfigureAwait(false);
        var diff = SnapshotDiff.Compute(verified, received, options.VerifyResponses);
        if (diff.IsEmpty)
        {
            DeleteIfExists(receivedPath);
            return new SnapshotCheck(SnapshotStatus.Matched, verifiedPath, receivedPath, diff);
        }

        if (options.ShouldAccept)
        {
            await SnapshotFiles.WriteAsync(verifiedPath, receivedText, cancellationToken).ConfigureAwait(false);
            DeleteIfExists(receivedPath);
            return new SnapshotCheck(SnapshotStatus.Accepted, verifiedPath, receivedPath, diff);
        }

        await SnapshotFiles.WriteAsync(receivedPath, receivedText, cancellationToken).ConfigureAwait(false);
        return new SnapshotCheck(SnapshotStatus.Mismatched, verifiedPath, receivedPath, diff);
    }

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
