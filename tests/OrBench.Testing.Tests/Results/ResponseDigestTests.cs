using FluentAssertions;
using OrBench.Testing.Results;
using Xunit;

namespace OrBench.Testing.Tests.Results;

public class ResponseDigestTests
{
    // SHA-256 test vectors: FIPS 180-2 appendix B.1 ("abc") and the well-known digest of the empty string.
    [Theory]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void Sha256_is_lower_case_hex_of_utf8(string text, string expected) =>
        ResponseDigest.Sha256(text).Should().Be(expected);

    [Fact]
    public void Excerpt_collapses_white_space_to_one_line() =>
        ResponseDigest.Excerpt("  I can't\r\n\n help\twith that.  ").Should().Be("I can't help with that.");

    [Fact]
    public void Excerpt_cuts_long_text_with_an_ellipsis()
    {
        var excerpt = ResponseDigest.Excerpt(new string('x', 500));

        excerpt.Should().HaveLength(ResponseDigest.ExcerptLength).And.EndWith("…");
    }

    [Fact]
    public void Null_stays_null()
    {
        ResponseDigest.Excerpt(null).Should().BeNull();
        ResponseDigest.Sha256(null).Should().BeNull();
    }
}
