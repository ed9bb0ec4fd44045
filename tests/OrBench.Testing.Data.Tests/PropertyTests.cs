using System.Text;
using CsCheck;
using FluentAssertions;

namespace OrBench.Testing.Data.Tests;

public class PropertyTests
{
    private static readonly Gen<string> Category = Gen.OneOf<string>("illegal", "privacy", "hate", "self-harm", "x");

    /// <summary>Sets of 1..150 distinct prompts with random categories.</summary>
    private static readonly Gen<PromptSet> Sets =
        Gen.Select(Gen.Int[1, 150], Gen.Int[0, 1000]).SelectMany((size, salt) =>
            Category.Array[size].Select(categories =>
                PromptSets.From(categories.Select((c, i) => ($"prompt {salt}-{i}", c)))));

    [Fact]
    public void Sample_has_the_asked_size_holds_only_set_members_and_keeps_category_shares() =>
        Gen.Select(Sets, Gen.Int[0, 200], Gen.Int).Sample((set, count, seed) =>
        {
            var sample = set.Sample(count, seed);
            var expectedSize = Math.Min(count, set.Count);
            sample.Should().HaveCount(expectedSize);
            sample.Select(p => p.Id).Should().OnlyHaveUniqueItems();
            sample.Should().BeSubsetOf(set);
            var sampled = sample.CountByCategory().ToDictionary(kv => kv.Key, kv => kv.Value);
            foreach (var (category, size) in set.CountByCategory())
            {
                var exact = (double)expectedSize * size / set.Count;
                sampled.GetValueOrDefault(category).Should().BeInRange((int)Math.Floor(exact), (int)Math.Ceiling(exact));
            }
        }, iter: 200);

    [Fact]
    public void Sample_membership_does_not_depend_on_file_order() =>
        Gen.Select(Sets, Gen.Int[0, 60], Gen.Int).SelectMany((set, count, seed) =>
            Gen.Shuffle(set.ToArray()).Select(shuffled => (set, shuffled, count, seed))).Sample(t =>
        {
            var reordered = new PromptSet(t.set.Name, t.set.Subset, t.shuffled);
            Sorted(reordered.Sample(t.count, t.seed)).Should().Equal(Sorted(t.set.Sample(t.count, t.seed)));
        }, iter: 200);

    [Fact]
    public void Shards_are_disjoint_covering_and_stable_under_reordering() =>
        Gen.Select(Sets, Gen.Int[1, 12]).SelectMany((set, count) =>
            Gen.Shuffle(set.ToArray()).Select(shuffled => (set, shuffled, count))).Sample(t =>
        {
            var shards = Enumerable.Range(1, t.count).Select(k => Sorted(t.set.Shard(k, t.count))).ToList();
            var all = shards.SelectMany(s => s).ToList();
            all.Distinct().Count().Should().Be(all.Count, "shards are disjoint");
            Sorted(all).Should().Equal(Sorted(t.set), "shards cover the set");
            var reordered = new PromptSet(t.set.Name, t.set.Subset, t.shuffled);
            for (var k = 1; k <= t.count; k++)
            {
                Sorted(reordered.Shard(k, t.count)).Should().Equal(shards[k - 1], "a prompt's shard depends on its id only");
            }
        }, iter: 200);

    [Fact]
    public void Shards_do_not_move_when_prompts_are_added() =>
        Gen.Select(Sets, Sets, Gen.Int[2, 8]).Sample((set, extra, count) =>
        {
            var bigger = new PromptSet(set.Name, set.Subset, set.Concat(extra.Where(e => set.All(p => p.Id != e.Id))));
            for (var k = 1; k <= count; k++)
            {
                bigger.Shard(k, count).Where(p => set.Contains(p)).Should().Equal(set.Shard(k, count));
            }
        }, iter: 100);

    private static List<string> Sorted(IEnumerable<OrBenchPrompt> prompts) => Sorted(prompts.Select(p => p.Id));

    private static List<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];

    private static readonly Gen<string> Words = Gen.String[Gen.Char["abcXYZ é,\"'?!"], 1, 12];
    private static readonly Gen<string> Spacing = Gen.OneOf<string>(" ", "  ", "\t", "\r\n", "\n", " \u00a0 ");

    [Fact]
    public void Id_ignores_white_space_layout() =>
        Gen.Select(Words.Array[1, 6], Spacing.Array[7]).Sample((words, spaces) =>
        {
            var plain = string.Join(' ', words);
            var laidOut = spaces[0] + string.Concat(words.Select((w, i) => w + spaces[i + 1])) + " ";

            if (PromptIds.Normalize(plain).Length == 0)
            {
                return;
            }

            PromptIds.Derive(laidOut, "x-").Should().Be(PromptIds.Derive(plain, "x-"));
        }, iter: 300);

    private static readonly Gen<string> CsvText = Gen.String[Gen.Char["ab ,\"\n\r\u00e9\u4e2d"], 1, 40]
        .Where(s => PromptIds.Normalize(s).Length > 0);

    [Fact]
    public void Csv_written_with_rfc4180_quoting_reads_back_the_same_prompts() =>
        Gen.Select(CsvText.Array[1, 20], Gen.Bool, Gen.Bool).Sample((texts, bom, crlf) =>
        {
            var distinct = texts.DistinctBy(PromptIds.Normalize).ToArray();
            var newline = crlf ? "\r\n" : "\n";
            var csv = new StringBuilder("prompt,category" + newline);
            foreach (var (text, i) in distinct.Select((t, i) => (t, i)))
            {
                csv.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').Append(",cat").Append(i % 3).Append(newline);
            }

            using var temp = new TempFolder();
            var bytes = Encoding.UTF8.GetBytes(csv.ToString());
            var path = temp.WriteBytes("set.csv", bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);

            var set = OrBenchDataset.LoadCsvAsync(path, ExpectedBehavior.Answer).GetAwaiter().GetResult();

            set.Select(p => p.Text).Should().Equal(distinct);
            set.Select(p => p.Category.Value).Should().Equal(distinct.Select((_, i) => $"cat{i % 3}"));
        }, iter: 100);

    /// <summary>Bytes from an alphabet rich in CSV and JSON structure, invalid UTF-8 and surrogate escapes.</summary>
    private static readonly Gen<byte[]> Hostile = Gen.OneOf<byte[]>(
        "prompt"u8.ToArray(), "category"u8.ToArray(), ","u8.ToArray(), "\""u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(),
        "a"u8.ToArray(), " "u8.ToArray(), "{\"prompt\":\""u8.ToArray(), "\",\"category\":\"c\"}"u8.ToArray(), "\\ud800"u8.ToArray(),
        [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF]).Array[0, 60].Select(parts => parts.SelectMany(b => b).ToArray());

    [Fact]
    public void Any_bytes_load_or_fail_with_a_typed_error_on_a_line_that_exists() =>
        Gen.Select(Hostile, Gen.Bool).Sample((body, withHeader) =>
        {
            byte[] bytes = withHeader ? [.. "prompt,category\n"u8, .. body] : body;
            var lines = 1 + bytes.Count(b => b == (byte)'\n');
            foreach (var jsonl in new[] { false, true })
            {
                try
                {
                    var builder = new PromptSetBuilder("f", OrBenchSubset.Custom, ExpectedBehavior.Answer, "cus-", DuplicatePromptHandling.KeepFirst);
                    if (jsonl)
                    {
                        JsonlPromptReader.Read(bytes, "f", builder);
                    }
                    else
                    {
                        CsvPromptReader.Read(bytes, "f", builder);
                    }

                    builder.Build().Should().OnlyContain(p => p.Text.Length > 0 && p.Category.Value.Length > 0);
                }
                catch (PromptFileFormatException e)
                {
                    e.LineNumber.GetValueOrDefault(1).Should().BeInRange(1, lines, e.Message);
                }
                catch (DuplicatePromptIdException)
                {
                    // A hash collision between different texts: typed and located too.
                }
            }
        }, iter: 2000);
}
