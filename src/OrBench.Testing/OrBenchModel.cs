using Microsoft.Extensions.AI;
using OrBench.Testing.Middleware;
using OrBench.Testing.Models;

namespace OrBench.Testing;

/// <summary>
/// The model a suite tests, chosen from the environment so one suite runs unchanged on a laptop, in a pull-request gate
/// and nightly — what every team would otherwise write as its own <c>ModelUnderTest</c> class.
/// <list type="table">
/// <item><term><c>ORBENCH_ENDPOINT</c></term><description>An OpenAI-compatible base URL (OpenAI, vLLM, Ollama, LM Studio, a
/// gateway) or an Azure OpenAI resource (<c>https://&lt;resource&gt;.openai.azure.com/</c>, also
/// <c>*.cognitiveservices.azure.com</c> and <c>*.services.ai.azure.com</c>: the v1 API path <c>/openai/v1/</c> is added).
/// Unset: the keyword stand-in answers (see <see cref="IsStandIn"/>).</description></item>
/// <item><term><c>ORBENCH_MODEL</c></term><description>The model name sent with every request (on Azure: the deployment
/// name). Required when <c>ORBENCH_ENDPOINT</c> is set.</description></item>
/// <item><term><c>ORBENCH_API_KEY</c></term><description>The key; optional for local servers. It is only ever placed in a
/// request header, never in <see cref="Metadata"/>, a message or a result file.</description></item>
/// <item><term><c>ORBENCH_RESPONSE_CACHE</c></term><description>A directory of recorded responses (relative paths resolve
/// against the test project's directory, see <see cref="ProjectPaths"/>); with <c>ORBENCH_REPLAY_ONLY=true</c> a cache
/// miss is an error instead of a model call — the pull-request gate in CI without credentials.</description></item>
/// </list>
/// </summary>
/// <remarks>
/// <para><b>The stand-in.</b> Without <c>ORBENCH_ENDPOINT</c>, <see cref="CreateClient"/> returns a deterministic offline
/// stand-in (<c>stand-in/keyword-guardrail</c>): a keyword guardrail that refuses any prompt containing a trigger word.
/// It lets the suite, its gates and its reports run anywhere with no key, and it over-refuses exactly as OR-Bench
/// expects a cautious deployment to; its scores say nothing about any real model, and <see cref="Metadata"/> (copied into
/// every result and report) says so. A gate that only means something for a real model can skip on
/// <see cref="StandInReason"/> (<c>Assert.SkipWhen(model.IsStandIn, model.StandInReason)</c> in xunit v3,
/// <c>Assert.Inconclusive</c> in MSTest).</para>
/// <para>Create one per suite (a static field or the fixture) and pass <see cref="Metadata"/> to
/// <see cref="OrBenchRunOptions.Metadata"/>.</para>
/// </remarks>
/// <example><code>
/// var model = OrBenchModel.FromEnvironment();
/// using var client = model.CreateClient();
/// var result = await client.RunOrBenchAsync(prompts, new OrBenchRunOptions { Metadata = model.Metadata });
/// </code></example>
public sealed class OrBenchModel
{
    /// <summary>The endpoint variable.</summary>
    public const string EndpointVariable = "ORBENCH_ENDPOINT";

    /// <summary>The model (Azure: deployment) name variable.</summary>
    public const string ModelVariable = "ORBENCH_MODEL";

    /// <summary>The API key variable.</summary>
    public const string ApiKeyVariable = "ORBENCH_API_KEY";

    /// <summary>The response cache directory variable.</summary>
    public const string ResponseCacheVariable = "ORBENCH_RESPONSE_CACHE";

    /// <summary>The replay-only switch (<c>true</c> turns a cache miss into a <see cref="ReplayMissException"/>).</summary>
    public const string ReplayOnlyVariable = "ORBENCH_REPLAY_ONLY";

    /// <summary>The model name the stand-in reports in every response and result.</summary>
    public const string StandInModelName = KeywordStandInChatClient.ModelId;

    private readonly ModelEndpoint? _endpoint;
    private readonly string? _apiKey;
    private readonly string? _cacheDirectory;
    private readonly bool _replayOnly;

    private OrBenchModel(ModelEndpoint? endpoint, string name, string? apiKey, string? cacheDirectory, bool replayOnly)
    {
        _endpoint = endpoint;
        Name = name;
        _apiKey = apiKey;
        _cacheDirectory = cacheDirectory;
        _replayOnly = replayOnly;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (endpoint is null)
        {
            metadata["stand-in"] = "keyword-guardrail stand-in model (no ORBENCH_ENDPOINT set); its scores say nothing about any real model";
        }
        else
        {
            metadata["endpoint"] = endpoint.Address.GetLeftPart(UriPartial.Authority);
            metadata["provider"] = endpoint.IsAzure ? "azure-openai" : "openai-compatible";
        }

        if (cacheDirectory is not null)
        {
            metadata["response-cache"] = replayOnly ? "replay-only" : "read-write";
        }

        Metadata = metadata;
    }

    /// <summary>The model name shown in reports: <c>ORBENCH_MODEL</c>, or <see cref="StandInModelName"/>.</summary>
    public string Name { get; }

    /// <summary>True when no endpoint is configured and the offline stand-in answers.</summary>
    public bool IsStandIn => _endpoint is null;

    /// <summary>True when <c>ORBENCH_ENDPOINT</c> names an Azure OpenAI resource.</summary>
    public bool IsAzureOpenAI => _endpoint?.IsAzure == true;

    /// <summary>The request URL base the client uses (with Azure's <c>/openai/v1/</c> added); null for the stand-in.</summary>
    public Uri? Endpoint => _endpoint?.Address;

    /// <summary>One line saying why the stand-in answers, for a skip message or a log; null for a real model.</summary>
    public string? StandInReason => IsStandIn
        ? $"{EndpointVariable} is not set, so the offline stand-in model '{StandInModelName}' answers; set {EndpointVariable}, {ModelVariable} (and {ApiKeyVariable}) to test a real model."
        : null;

    /// <summary>Run facts for <see cref="OrBenchRunOptions.Metadata"/> (endpoint authority and provider, or the stand-in notice; the model name comes from the responses); never the key.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Reads the model from the process environment.</summary>
    /// <exception cref="OrBenchModelConfigurationException">A variable is set to something unusable; the message names it.</exception>
    public static OrBenchModel FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Reads the model through <paramref name="variables"/> (tests, or settings kept somewhere else than the environment).</summary>
    /// <exception cref="OrBenchModelConfigurationException">A variable is set to something unusable; the message names it.</exception>
    public static OrBenchModel FromEnvironment(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string? Read(string name) => variables(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var cache = Read(ResponseCacheVariable);
        var replayText = Read(ReplayOnlyVariable);
        var replayOnly = replayText switch
        {
            null or "0" => false,
            "1" => true,
            _ when bool.TryParse(replayText, out var b) => b,
            _ => throw new OrBenchModelConfigurationException(ReplayOnlyVariable, $"{ReplayOnlyVariable} is '{replayText}'; use true or false."),
        };
        if (replayOnly && cache is null)
        {
            throw new OrBenchModelConfigurationException(ReplayOnlyVariable, $"{ReplayOnlyVariable}=true needs {ResponseCacheVariable} (the directory of recorded responses to replay).");
        }

        if (Read(EndpointVariable) is not { } endpointText)
        {
            return new OrBenchModel(null, StandInModelName, null, cache, replayOnly);
        }

        var endpoint = ModelEndpoint.Parse(EndpointVariable, endpointText);
        var model = Read(ModelVariable)
            ?? throw new OrBenchModelConfigurationException(ModelVariable, endpoint.IsAzure
                ? $"{EndpointVariable} names an Azure OpenAI resource but {ModelVariable} is not set: set it to the deployment name."
                : $"{EndpointVariable} is set but {ModelVariable} is not: name the model to test.");
        return new OrBenchModel(endpoint, model, Read(ApiKeyVariable), cache, replayOnly);
    }

    /// <summary>
    /// The client the suite runs through: the model (or stand-in), wrapped in the response cache when
    /// <c>ORBENCH_RESPONSE_CACHE</c> is set (outermost, so replays never reach the model) and in
    /// <see cref="OrBenchChatClientBuilderExtensions.UseOrBenchRetry"/>. The caller disposes it.
    /// </summary>
    public IChatClient CreateClient()
    {
        var builder = CreateModelClient().AsBuilder();
        if (_cacheDirectory is not null)
        {
            builder.UseResponseCache(new FileDistributedCache(_cacheDirectory), _replayOnly ? ResponseCacheMode.ReplayOnly : ResponseCacheMode.ReadWrite);
        }

        return builder.UseOrBenchRetry().Build();
    }

    /// <summary>The bare model client, without cache or retries (for a pipeline of your own); the caller disposes it.</summary>
    public IChatClient CreateModelClient() =>
        _endpoint is null ? new KeywordStandInChatClient() : OpenAIEndpointClient.Create(_endpoint, Name, _apiKey);

    /// <summary>
    /// The bare model client with a network timeout of your choosing and every response through a
    /// <see cref="ResponseGuardHandler"/>: a body over <paramref name="maxResponseBytes"/> is not read further, and a 200
    /// that is not a chat completion (HTML, truncated JSON, an error body) fails as a request error naming why. For a
    /// pipeline of your own that bounds each attempt (the <c>orbench</c> tool builds its clients this way); the caller disposes it.
    /// </summary>
    /// <param name="networkTimeout">How long one HTTP exchange may take; give it a little more than your retry policy's attempt timeout, so that one fires first and is retried.</param>
    /// <param name="maxResponseBytes">The largest response body read.</param>
    public IChatClient CreateModelClient(TimeSpan networkTimeout, long maxResponseBytes = ResponseGuardHandler.DefaultMaxResponseBytes)
    {
#pragma warning disable CA2000 // The HTTP client lives as long as the chat client.
        var http = new HttpClient(new ResponseGuardHandler { MaxResponseBytes = maxResponseBytes }) { Timeout = networkTimeout };
#pragma warning restore CA2000
        return _endpoint is null ? new KeywordStandInChatClient() : OpenAIEndpointClient.Create(_endpoint, Name, _apiKey, http, networkTimeout);
    }

    /// <summary>The model name and where it is served, never the key.</summary>
    public override string ToString() => _endpoint is null ? $"{Name} (offline stand-in)" : $"{Name} at {Metadata["endpoint"]}";
}
