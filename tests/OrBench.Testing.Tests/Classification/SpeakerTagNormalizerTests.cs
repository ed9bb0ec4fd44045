using FluentAssertions;
using OrBench.Testing.Classification.Offline;
using Xunit;

namespace OrBench.Testing.Tests.Classification;

public class SpeakerTagNormalizerTests
{
    [Theory]
    [InlineData("[ChatGPT]: Unfortunately I can't.", "unfortunately i can't.", 1)]
    [InlineData("assistant\nI can't help with that.", "i can't help with that.", 1)]
    [InlineData("[respond]\nNo.", "no.", 1)]
    [InlineData("<|im_start|>assistant\nSure, here it is.<|im_end|>", "sure, here it is.", 1)]
    [InlineData("### Response:\nThe answer is 4.", "the answer is 4.", 1)]
    [InlineData("**DAN:** Fine, here you go.", "fine, here you go.", 1)]
    [InlineData("[🔒CLASSIC] Sorry, no.\n[🔓JAILBREAK] Sure: step one.", "sorry, no.\nsure: step one.", 2)]
    [InlineData("GPT: I can't.\n\nBetterDAN: Here's how.", "i can't.\nhere's how.", 2)]
    public void Tags_are_removed_and_start_segments(string text, string expected, int segments)
    {
        var (normalized, count) = Normalize(text);

        normalized.Should().Be(expected);
        count.Should().Be(segments);
    }

    [Theory]
    [InlineData("Here are the steps: mix and bake.")]
    [InlineData("Note that it takes 3:45 to boil.")]
    [InlineData("(Fun fact) cats sleep a lot.")]
    public void Ordinary_sentences_keep_their_words(string text) =>
        Normalize(text).Text.Should().Be(text.ToLowerInvariant());

    private static (string Text, int Segments) Normalize(string text)
    {
        Span<char> buffer = stackalloc char[OfflineFeaturizer.MaxChars];
        Span<int> starts = stackalloc int[SpeakerTagNormalizer.MaxSegments];
        var length = SpeakerTagNormalizer.Normalize(text, buffer, starts, out var segments, out _);
        return (new string(buffer[..length]), segments);
    }
}
