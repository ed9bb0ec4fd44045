using FluentAssertions;
using OrBench.Testing.Middleware;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

/// <summary>Issue 15 row 6 at the library level: a registered key is removed whatever its shape; patterns stay for provider messages only.</summary>
public sealed class RegisteredSecretsTests
{
    [Theory]
    [InlineData("correct-horse-battery-staple-XYZZY")]
    [InlineData("0123456789abcdef")]
    [InlineData("c2VjcmV0K2tleS92YWx1ZT09YWJj+/Q==")]
    public void A_registered_key_of_a_shape_no_pattern_knows_is_scrubbed(string key)
    {
        var message = $"Incorrect credentials: {key}. Try again.";
        Secrets.Register(key);

        Secrets.Scrub(message).Should().Be("Incorrect credentials: [REDACTED]. Try again.");
        Secrets.ScrubRegistered($"Sure, your key is {key}!").Should().Be("Sure, your key is [REDACTED]!");
    }

    [Fact]
    public void Registered_scrubbing_leaves_ordinary_text_alone()
    {
        const string answer = "The SHA-256 is 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 and a GUID 3f2504e0-4f89-11d3-9a0c-0305e82c3301.";

        Secrets.ScrubRegistered(answer).Should().Be(answer, "a model's answer is scrubbed of registered keys only, not of key-shaped text");
    }

    [Fact]
    public void Values_too_short_to_be_keys_are_not_registered()
    {
        Secrets.Register("the");
        Secrets.Register("   ");

        Secrets.ScrubRegistered("the cat").Should().Be("the cat");
    }
}
