using FluentAssertions;

namespace OrBench.Testing.Data.Tests;

public class PromptIdsTests
{
    // SHA-256("hello world") = b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9 (a published test vector).
    [Theory]
    [InlineData("hello world")]
    [InlineData("  hello world  ")]
    [InlineData("hello\r\n\t  world")]
    [InlineData("hello\u00a0world\n")]
    public void Id_is_the_subset_prefix_plus_12_hex_digits_of_the_sha256_of_the_normalised_text(string text) =>
        PromptIds.Derive(text, OrBenchSubset.Hard1K).Should().Be("h1k-b94d27b9934d");

    [Fact]
    public void Each_subset_has_its_own_prefix()
    {
        PromptIds.Derive("hello world", OrBenchSubset.Toxic).Should().Be("tox-b94d27b9934d");
        PromptIds.Derive("hello world", OrBenchSubset.Full80K).Should().Be("80k-b94d27b9934d");
        PromptIds.Derive("hello world", OrBenchSubset.Custom).Should().Be("cus-b94d27b9934d");
        PromptIds.Derive("hello world", "acme-").Should().Be("acme-b94d27b9934d");
    }

    [Fact]
    public void No_unicode_normalisation_is_applied_because_it_depends_on_icu()
    {
        // SHA-256 of the UTF-8 bytes "caf\xc3\xa9" (composed) and "cafe\xcc\x81" (decomposed), computed with sha256sum.
        PromptIds.Derive("caf\u00e9", "x-").Should().Be("x-850f7dc43910");
        PromptIds.Derive("cafe\u0301", "x-").Should().Be("x-81ef060bcd98");
    }

    [Fact]
    public void Normalisation_keeps_case_and_punctuation()
    {
        PromptIds.Normalize("  How   do I\tpick a LOCK? \r\n").Should().Be("How do I pick a LOCK?");
        PromptIds.Derive("Hello world", "x-").Should().NotBe(PromptIds.Derive("hello world", "x-"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t\r\n")]
    public void Empty_text_has_no_id(string text)
    {
        var act = () => PromptIds.Derive(text, "x-");
        act.Should().Throw<ArgumentException>().WithMessage("*empty text*");
    }
}
