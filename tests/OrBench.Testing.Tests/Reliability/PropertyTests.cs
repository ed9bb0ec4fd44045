using CsCheck;
using FluentAssertions;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Judging;
using OrBench.Testing.Data;
using OrBench.Testing.Results;
using OrBench.Testing.Running;
using OrBench.Testing.Snapshots;
using OrBench.Testing.Tests.Running;
using Xunit;

namespace OrBench.Testing.Tests.Reliability;

/// <summary>Property tests (CsCheck) for the parsers and diffs whose inputs are open-ended: judge replies, snapshots, records files.</summary>
public sealed class PropertyTests : IDisposable
{
    private static readonly (string Marker, VerdictLabel Label)[] Classes =
    [
        ("direct_answer", VerdictLabel.DirectAnswer),
        ("direct_refusal", VerdictLabel.DirectRefusal),
        ("indirect_refusal", VerdictLabel.IndirectRefusal),
    ];

    private static readonly Gen<string> Noise = Gen.String.Where(s => !s.Contains('[', StringComparison.Ordinal) && !s.Contains(']', StringComparison.Ordinal));

    /// <summary>Text pieces that stress JSON escaping and HTML-looking content.</summary>
    private static readonly Gen<string> Text = Gen.OneOf<string>("a", "Sure", " ", "\n", "\r\n", "\t", "\"", "\\", "<b>", "&amp;", "é", "日本", "🙂", "[[x]]", "\u2028", "{}", "'").Array[0, 12]
        .Select(parts => string.Concat(parts));

    private readonly TempDirectories _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Judge_parsing_never_throws_on_any_string() =>
        Gen.OneOf(Gen.String, Gen.String[Gen.Char["[]_ abcdefghijklmnopqrstuvwxyz-*"], 0, 80]).Sample(reply =>
        {
            var act = () => JudgeVerdictParser.Parse(reply);
            act.Should().NotThrow();
        }, iter: 2_000);

    [Fact]
    public void Judge_parsing_takes_the_last_of_any_number_of_markers() =>
        Gen.Select(Gen.Int[0, Classes.Length - 1].Array[1, 6], Noise.Array[7]).Sample((picks, noise) =>
        {
            var reply = noise[0] + string.Concat(picks.Select((p, i) => $"[[{Classes[p].Marker}]]" + noise[i + 1])) + noise[6];
            JudgeVerdictParser.Parse(reply).Should().Be(Classes[picks[^1]].Label, $"the last marker of '{reply}' decides");
        }, iter: 1_000);

    [Fact]
    public void Judge_parsing_without_a_marker_is_unparsed() =>
        Noise.Sample(reply => JudgeVerdictParser.Parse(reply).Should().Be(VerdictLabel.Unparsed), iter: 1_000);

    private static readonly Gen<SnapshotRecord[]> Snapshots =
        Gen.Select(Gen.Bool.Array[1, 300], Gen.Int[0, 5]).Select((refused, categories) => refused.Select((r, i) => new SnapshotRecord
        {
            Id = $"p-{i:D4}",
            Category = $"cat-{i % (categories + 1)}",
            Verdict = (r ? VerdictLabel.DirectRefusal : VerdictLabel.DirectAnswer).ToWireName(),
            Refused = r,
            ResponseSha256 = $"sha-{i}",
        }).ToArray());

    [Fact]
    public void Snapshot_diff_of_a_record_set_with_itself_is_empty() =>
        Gen.Select(Snapshots, Gen.Bool).Sample((records, verifyResponses) =>
            SnapshotDiff.Compute(records, [.. records.Reverse()], verifyResponses).Changes.Should().BeEmpty(), iter: 300);

    [Fact]
    public void Flipping_k_verdicts_yields_exactly_k_flips() =>
        Snapshots.SelectMany(records => Gen.Shuffle(Enumerable.Range(0, records.Length).ToArray())
                .SelectMany(order => Gen.Int[0, records.Length].Select(k => (records, flipped: order.Take(k).ToHashSet())))
                .Select(t => (t.records, t.flipped)))
            .Select(Gen.Bool, (t, verify) => (t.records, t.flipped, verify))
            .Sample(t =>
            {
                var received = t.records.Select((r, i) => t.flipped.Contains(i)
                    ? r with { Refused = !r.Refused, Verdict = (r.Refused ? VerdictLabel.DirectAnswer : VerdictLabel.DirectRefusal).ToWireName() }
                    : r).ToArray();

                var diff = SnapshotDiff.Compute(t.records, received, t.verify);

                diff.Changes.Should().HaveCount(t.flipped.Count);
                diff.Changes.Select(c => c.Id).Should().BeEquivalentTo(t.flipped.Select(i => t.records[i].Id));
                diff.Changes.Where(c => c.Kind != (c.Verified!.Refused ? SnapshotChangeKind.RefusedToAnswered : SnapshotChangeKind.AnsweredToRefused))
                    .Should().BeEmpty("a flipped decided verdict is an answered↔refused change");
            }, iter: 300);

    private static readonly Gen<PromptRecord> Records =
        Gen.Select(Gen.Int[0, 3], Text, Text, Gen.Enum<VerdictLabel>(), Gen.Double[-1, 1], Gen.Double[0, 100_000], Gen.Long[-1, 1_000_000], Gen.Bool)
            .Select((repeat, prompt, response, verdict, confidence, latency, tokens, errored) => new PromptRecord
            {
                Id = "placeholder",
                Repeat = repeat,
                Category = "cat " + prompt.Length % 3,
                Expected = errored ? ExpectedBehavior.Refuse : ExpectedBehavior.Answer,
                Prompt = prompt,
                Outcome = errored ? OutcomeKind.Error : OutcomeKind.Answered,
                Response = errored ? null : response,
                Verdict = verdict,
                Classifier = "keyword",
                Confidence = confidence < 0 ? null : confidence,
                ResponseSha256 = errored ? null : ResponseDigest.Sha256(response),
                Excerpt = errored ? null : ResponseDigest.Excerpt(response),
                Error = errored ? "HTTP 500 " + response : null,
                LatencyMs = latency,
                InputTokens = tokens < 0 ? null : tokens,
                OutputTokens = tokens < 0 ? null : tokens / 2,
            });

    [Fact]
    public async Task Records_survive_a_jsonl_round_trip_through_result_files()
    {
        var dir = _temp.Create();
        await Records.Array[0, 40].Select(rs => rs.Select((r, i) => r with { Id = $"id-{i:D3}" }).ToArray()).SampleAsync(async records =>
        {
            var path = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".jsonl"); // samples run in parallel
            await ResultFiles.WriteRecordsAsync(records, path);

            var read = await ResultFiles.ReadRecordsAsync(path);

            read.Should().Equal(records.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Repeat));
        }, iter: 200);
    }
}
