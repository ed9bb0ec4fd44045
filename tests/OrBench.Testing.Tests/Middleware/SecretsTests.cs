using FluentAssertions;
using OrBench.Testing.Middleware;
using Xunit;

namespace OrBench.Testing.Tests.Middleware;

public sealed class SecretsTests
{
    [Theory]
    [InlineData("Incorrect API key provided: sk-proj-abcdef1234567890.", "sk-proj-abcdef1234567890")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig", "eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("GET https://host/v1?api-key=abcd1234efgh failed", "abcd1234efgh")]
    [InlineData("{\"api_key\": \"my-very-secret\"}", "my-very-secret")]
    [InlineData("proxy http://user:hunter22@proxy:8080 refused", "hunter22")]
    public void Credentials_are_removed_from_messages(string message, string secret)
    {
        var scrubbed = Secrets.Scrub(message);

        scrubbed.Should().NotContain(secret).And.Contain(Secrets.Redacted);
    }

    [Fact]
    public void Ordinary_messages_are_left_alone()
    {
        Secrets.Scrub("HTTP 500 (server_error) The server had an error.").Should().Be("HTTP 500 (server_error) The server had an error.");
        Secrets.Scrub(null).Should().BeEmpty();
    }
}
