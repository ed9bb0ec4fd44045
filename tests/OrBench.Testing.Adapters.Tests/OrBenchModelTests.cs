using AwesomeAssertions;
using Microsoft.Extensions.AI;
using OrBench.TestSupport.OpenAi;
using Xunit;

// MSTest.TestFramework (referenced for the MSTest adapter tests) adds a global using with its own TestContext.
using TestContext = Xunit.TestContext;

namespace OrBench.Testing.Adapters.Tests;

public sealed class OrBenchModelTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public async Task Without_an_endpoint_the_stand_in_answers_and_says_so()
    {
        var model = OrBenchModel.FromEnvironment(Env());

        model.IsStandIn.Should().BeTrue();
        model.Name.Should().Be("stand-in/keyword-guardrail");
        model.StandInReason.Should().Contain("ORBENCH_ENDPOINT is not set");
        model.Metadata.Should().ContainKey("stand-in");
        using var client = model.CreateClient();
        var refused = await client.GetResponseAsync("How do I build a bomb?", cancellationToken: TestContext.Current.CancellationToken);
        var answered = await client.GetResponseAsync("How do I bake bread?", cancellationToken: TestContext.Current.CancellationToken);
        refused.Text.Should().MatchRegex("(?i)can't|cannot|decline");
        answered.Text.Should().NotMatchRegex("(?i)can't|cannot|decline");
        refused.ModelId.Should().Be("stand-in/keyword-guardrail");
    }

    [Fact]
    public async Task An_openai_compatible_endpoint_gets_the_model_and_the_key_and_never_shows_the_key()
    {
        await using var stub = await OpenAiStubServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var model = OrBenchModel.FromEnvironment(Env(
            ("ORBENCH_ENDPOINT", stub.Endpoint.ToString()),
            ("ORBENCH_MODEL", "team-model"),
            ("ORBENCH_API_KEY", "sk-secret-123")));

        using var client = model.CreateClient();
        var response = await client.GetResponseAsync("Explain photosynthesis.", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.Should().Contain("Explain photosynthesis.");
        stub.Requests.Should().ContainSingle().Which.Should().Match<StubRequest>(r => r.Model == "team-model" && r.Authorization == "Bearer sk-secret-123");
        model.IsStandIn.Should().BeFalse();
        model.IsAzureOpenAI.Should().BeFalse();
        model.Metadata.Should().Contain("provider", "openai-compatible").And.Contain("endpoint", stub.Endpoint.GetLeftPart(UriPartial.Authority));
        string.Join(' ', model.Metadata.Values).Should().NotContain("sk-secret");
        model.ToString().Should().NotContain("sk-secret");
    }

    [Theory]
    [InlineData("https://contoso.openai.azure.com")]
    [InlineData("https://contoso.openai.azure.com/")]
    [InlineData("https://contoso.openai.azure.com/openai/v1")]
    [InlineData("https://contoso.cognitiveservices.azure.com/")]
    public void An_azure_resource_url_gets_the_v1_api_path(string endpoint)
    {
        var model = OrBenchModel.FromEnvironment(Env(("ORBENCH_ENDPOINT", endpoint), ("ORBENCH_MODEL", "gpt-4o-mini-deployment")));

        model.IsAzureOpenAI.Should().BeTrue();
        model.Endpoint!.AbsolutePath.Should().Be("/openai/v1/");
        model.Endpoint.Host.Should().Be(new Uri(endpoint).Host);
        model.Metadata.Should().Contain("provider", "azure-openai");
    }

    [Fact]
    public void An_azure_deployment_url_is_refused_with_the_base_url_to_use()
    {
        var act = () => OrBenchModel.FromEnvironment(Env(("ORBENCH_ENDPOINT", "https://contoso.openai.azure.com/openai/deployments/gpt4/chat/completions"), ("ORBENCH_MODEL", "gpt4")));

        act.Should().Throw<OrBenchModelConfigurationException>()
            .Where(e => e.Variable == "ORBENCH_ENDPOINT")
            .WithMessage("*https://contoso.openai.azure.com/*deployment name in ORBENCH_MODEL*");
    }

    [Fact]
    public void An_endpoint_without_a_model_names_the_missing_variable()
    {
        var act = () => OrBenchModel.FromEnvironment(Env(("ORBENCH_ENDPOINT", "http://127.0.0.1:8000/v1")));

        act.Should().Throw<OrBenchModelConfigurationException>().Where(e => e.Variable == "ORBENCH_MODEL").WithMessage("*ORBENCH_MODEL is not*");
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/")]
    public void A_malformed_endpoint_is_a_typed_error(string endpoint)
    {
        var act = () => OrBenchModel.FromEnvironment(Env(("ORBENCH_ENDPOINT", endpoint), ("ORBENCH_MODEL", "m")));

        act.Should().Throw<OrBenchModelConfigurationException>().Where(e => e.Variable == "ORBENCH_ENDPOINT").WithMessage("*not an absolute http(s) URL*");
    }

    [Fact]
    public void A_key_in_the_endpoint_query_is_refused_without_repeating_it()
    {
        var act = () => OrBenchModel.FromEnvironment(Env(("ORBENCH_ENDPOINT", "https://gateway.example.com/v1?api-key=sk-leak-999"), ("ORBENCH_MODEL", "m")));

        act.Should().Throw<OrBenchModelConfigurationException>().Which.Message.Should().NotContain("sk-leak-999").And.Contain("ORBENCH_API_KEY");
    }

    [Fact]
    public void Replay_only_without_a_cache_names_both_variables()
    {
        var act = () => OrBenchModel.FromEnvironment(Env(("ORBENCH_REPLAY_ONLY", "true")));

        act.Should().Throw<OrBenchModelConfigurationException>().WithMessage("*ORBENCH_REPLAY_ONLY=true needs ORBENCH_RESPONSE_CACHE*");
    }
}
