using OrBench.Testing.Middleware;

namespace OrBench.Testing.Models;

/// <summary>A parsed <c>ORBENCH_ENDPOINT</c>: the base URL requests go to, and whether it is an Azure OpenAI resource.</summary>
internal sealed record ModelEndpoint(Uri Address, bool IsAzure)
{
    private static readonly string[] AzureHostSuffixes = [".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"];

    /// <summary>Validates <paramref name="text"/> and, for an Azure resource's bare URL, adds the v1 API path.</summary>
    public static ModelEndpoint Parse(string variable, string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new OrBenchModelConfigurationException(variable, $"{variable} is not an absolute http(s) URL: '{Secrets.Scrub(text)}'. Use the server's base URL, e.g. http://127.0.0.1:8000/v1 or https://<resource>.openai.azure.com/.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query))
        {
            // A key pasted into the URL would end up in reports through the endpoint metadata.
            throw new OrBenchModelConfigurationException(variable, $"{variable} carries user info or a query string ({uri.Scheme}://{uri.Host}…); put the key in {OrBenchModel.ApiKeyVariable} instead.");
        }

        var isAzure = AzureHostSuffixes.Any(s => uri.Host.EndsWith(s, StringComparison.OrdinalIgnoreCase));
        if (!isAzure)
        {
            return new ModelEndpoint(uri, false);
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.Length == 0)
        {
            return new ModelEndpoint(new Uri(uri, "/openai/v1/"), true);
        }

        if (path.Equals("/openai/v1", StringComparison.OrdinalIgnoreCase))
        {
            return new ModelEndpoint(new Uri(uri.GetLeftPart(UriPartial.Authority) + "/openai/v1/"), true);
        }

        throw new OrBenchModelConfigurationException(variable, $"{variable} names an Azure OpenAI resource with the path '{uri.AbsolutePath}'; use the resource's base URL ({uri.GetLeftPart(UriPartial.Authority)}/, the v1 API) and put the deployment name in {OrBenchModel.ModelVariable}.");
    }
}
