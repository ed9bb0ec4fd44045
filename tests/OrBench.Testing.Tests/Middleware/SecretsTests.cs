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
    [InlineData("Incorrect API key provided: gsk_abcdefABCDEF0123456789xyz.", "gsk_abcdefABCDEF0123456789xyz")]
    [InlineData("Incorrect API key provided: my-org-key. See the docs.", "my-org-key")]
    [InlineData("Invalid token passed 'local-gateway-token'", "local-gateway-token")]
    [InlineData("Access denied: subscription key 0123456789abcdef0123456789abcdef is invalid", "0123456789abcdef0123456789abcdef")]
    [InlineData("bad key hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345", "hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345")]
    [InlineData("API_KEY_INVALID AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUv", "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUv")]
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
        const string filter = "Invalid prompt: your prompt was flagged as potentially violating our usage policy: https://platform.openai.com/docs/guides/reasoning#advice-on-prompting";
        Secrets.Scrub(filter).Should().Be(filter);
    }
}
