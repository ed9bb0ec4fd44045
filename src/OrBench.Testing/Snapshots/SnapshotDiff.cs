using System.Globalization;
using System.Text;

namespace OrBench.Testing.Snapshots;

/// <summary>The differences between received and verified records, and their plain-text description for failure messages.</summary>
public sealed record SnapshotDiff
{
    /// <summary>Every difference, sorted by category, kind, id and repeat.</summary>
    public required IReadOnlyList<SnapshotChange> Changes { get; init; }

    /// <summary>True when nothing differs.</summary>
    public bool IsEmpty => Changes.Count == 0;

    /// <summary>Compares <paramref name="received"/> with <paramref name="verified"/>; wording is compared only when <paramref name="verifyResponses"/> is set.</summary>
    public static SnapshotDiff Compute(IReadOnlyList<SnapshotRecord> verified, IReadOnlyList<SnapshotRecord> received, bool verifyResponses)
    {
        ArgumentNullException.ThrowIfNull(verified);
        ArgumentNullException.ThrowIfNull(received);
        var before = new Dictionary<(string, int), SnapshotRecord>();
        foreach (var record in verified)
        {
            before[(record.Id, record.Repeat)] = record;
        }

        var changes = new List<SnapshotChange>();
        var seen = new HashSet<(string, int)>();
        foreach (var now in received)
        {
            seen.Add((now.Id, now.Repeat));
            if (!before.TryGetValue((now.Id, now.Repeat), out var then))
            {
                changes.Add(new SnapshotChange(SnapshotChangeKind.Added, now.Id, now.Repeat, now.Category, null, now));
                continue;
            }

            SnapshotChangeKind? kind = null;
            if (then.Undecided || now.Undecided)
            {
                if (then.Verdict != now.Verdict)
                {
                    kind = SnapshotChangeKind.Undecided;
                }
            }
            else if (then.Refused != now.Refused)
            {
                kind = now.Refused ? SnapshotChangeKind.AnsweredToRefused : SnapshotChangeKind.RefusedToAnswered;
            }
            else if (verifyResponses && (then.ResponseSha256 != now.ResponseSha256 || then.Verdict != now.Verdict))
            {
                kind = SnapshotChangeKind.Reworded;
            }

            if (kind is { } k)
            {
                changes.Add(new SnapshotChange(k, now.Id, now.Repeat, now.Category, then, now));
            }
        }

        foreach (var then in verified.Where(v => !seen.Contains((v.Id, v.Repeat))))
        {
            changes.Add(new SnapshotChange(SnapshotChangeKind.Removed, then.Id, then.Repeat, then.Category, then, null));
        }

        changes.Sort((x, y) =>
        {
            var c = string.CompareOrdinal(x.Category, y.Category);
            c = c != 0 ? c : x.Kind.CompareTo(y.Kind);
            c = c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
            return c != 0 ? c : x.Repeat.CompareTo(y.Repeat);
        });
        return new SnapshotDiff { Changes = changes };
    }

    /// <summary>Counts per kind, e.g. <c>2 answered→refused, 1 refused→answered</c>.</summary>
    public string Summary() => string.Join(", ", Changes
        .GroupBy(c => c.Kind)
        .OrderBy(g => g.Key)
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {Label(g.Key)}")));

    /// <summary>The changes grouped by category, one line each with the id and the verdicts and excerpts on both sides (at most <paramref name="maxLines"/> lines).</summary>
    public string Describe(int maxLines = 50)
    {
        var builder = new StringBuilder();
        var lines = 0;
        foreach (var group in Changes.GroupBy(c => c.Category, StringComparer.Ordinal))
        {
            if (lines >= maxLines)
            {
                break;
            }

            builder.Append(CultureInfo.InvariantCulture, $"  {group.Key}:\n");
            foreach (var change in group)
            {
                if (lines++ >= maxLines)
                {
                    break;
                }

                var id = change.Repeat == 0 ? change.Id : string.Create(CultureInfo.InvariantCulture, $"{change.Id}#{change.Repeat}");
                builder.Append(CultureInfo.InvariantCulture, $"    {Label(change.Kind)} {id}: {Side(change.Verified)} -> {Side(change.Received)}\n");
            }
        }

        if (Changes.Count > lines)
        {
            builder.Append(CultureInfo.InvariantCulture, $"  … and {Changes.Count - lines} more\n");
        }

        return builder.ToString().TrimEnd('\n');
    }

    private static string Side(SnapshotRecord? record) =>
        record is null ? "(none)" : record.Excerpt is { } e ? $"{record.Verdict} \"{e}\"" : record.Verdict;

    private static string Label(SnapshotChangeKind kind) => kind switch
    {
        SnapshotChangeKind.AnsweredToRefused => "answered→refused",
        SnapshotChangeKind.RefusedToAnswered => "refused→answered",
        SnapshotChangeKind.Added => "added",
        SnapshotChangeKind.Removed => "removed",
        SnapshotChangeKind.Undecided => "undecided",
        SnapshotChangeKind.Reworded => "reworded",
        _ => kind.ToString(),
    };
}
