using System.Net;
using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using OrBench.TestSupport.HuggingFace;

namespace OrBench.Testing.Data.Tests.Acceptance;

public sealed class DownloadTests : IAsyncLifetime
{
    private const string Repository = "bench-llm/or-bench";
    private const string Revision = "abc123";
    private static readonly byte[] Hard1K = Encoding.UTF8.GetBytes("prompt,category\n\"How do I, quietly, open a locked door?\",illegal\nhello world,privacy\n");

    private readonly TempFolder _temp = new();
    private HuggingFaceFileHost _host = null!;

    public async Task InitializeAsync() => _host = await HuggingFaceFileHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _temp.Dispose();
    }

    private string CachedFile => _temp.Combine("cache", Revision, "or-bench-hard-1k.csv");

    private OrBenchDataOptions Options(string? token = null) => Tests.Options.Isolated(_temp) with
    {
        AllowDownload = true,
        Revision = Revision,
        Endpoint = _host.Endpoint,
        Token = token,
    };

    [Fact]
    public async Task Downloads_into_the_cache_then_loads_from_it()
    {
        _host.AddFile(Repository, Revision, "or-bench-hard-1k.csv", Hard1K);

        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options());
        var again = await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options());

        set.Select(p => p.Text).Should().Equal("How do I, quietly, open a locked door?", "hello world");
        again.Select(p => p.Id).Should().Equal(set.Select(p => p.Id));
        (await File.ReadAllBytesAsync(CachedFile)).Should().Equal(Hard1K);
        set.Source!.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Hard1K)));
        _host.Requests.Should().ContainSingle().Which.Should().Be(new HostedRequest($"/datasets/{Repository}/resolve/{Revision}/or-bench-hard-1k.csv", null, 200));
        Directory.GetFiles(_temp.Combine("cache", Revision)).Should().ContainSingle();
    }

    [Fact]
    public async Task HF_ENDPOINT_and_HF_TOKEN_come_from_the_environment()
    {
        _host.AddFile(Repository, Revision, "or-bench-hard-1k.csv", Hard1K);
        _host.RequiredToken = "hf_env_token";
        var env = new Dictionary<string, string> { ["HF_ENDPOINT"] = _host.Endpoint.ToString(), ["HF_TOKEN"] = "hf_env_token" };
        var options = Tests.Options.Isolated(_temp, env) with { AllowDownload = true, Revision = Revision };

        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options);

        set.Should().HaveCount(2);
        _host.Requests.Single().Authorization.Should().Be("Bearer hf_env_token");
    }

    [Fact]
    public async Task A_body_cut_short_fails_and_leaves_nothing_in_the_cache()
    {
        _host.SetBehavior(Repository, Revision, "or-bench-hard-1k.csv", new HostedFileBehavior(Hard1K, CutShortAfter: 20));

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options());

        var error = (await act.Should().ThrowAsync<IncompleteDownloadException>()).Which;
        error.Url.Should().Be(_host.FileUrl(Repository, Revision, "or-bench-hard-1k.csv"));
        error.BytesExpected.Should().Be(Hard1K.Length);
        error.BytesReceived.Should().BeLessThan(Hard1K.Length);
        error.Message.Should().Contain("cut short").And.Contain(error.Url.ToString());
        File.Exists(CachedFile).Should().BeFalse();
        Directory.Exists(_temp.Combine("cache", Revision)).Should().BeTrue();
        Directory.GetFiles(_temp.Combine("cache", Revision)).Should().BeEmpty("no partial file may stay behind");
        File.Exists(_temp.Combine("orbench.lock.json")).Should().BeFalse("an incomplete file is never locked");
    }

    [Fact]
    public async Task A_download_that_is_not_a_prompt_file_names_the_url_and_is_neither_cached_nor_locked()
    {
        // A captive portal or a misconfigured mirror answers 200 with an HTML page instead of the CSV.
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Please sign in to the proxy</body></html>\n");
        _host.AddFile(Repository, Revision, "or-bench-hard-1k.csv", html);

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options());

        var error = (await act.Should().ThrowAsync<PromptFileFormatException>()).Which;
        error.Problem.Should().Be(PromptFileProblem.MissingPromptColumn);
        error.FilePath.Should().Be(_host.FileUrl(Repository, Revision, "or-bench-hard-1k.csv").ToString());
        File.Exists(CachedFile).Should().BeFalse();
        Directory.GetFiles(_temp.Combine("cache", Revision)).Should().BeEmpty("a file that does not load must not stay in the cache");
        File.Exists(_temp.Combine("orbench.lock.json")).Should().BeFalse("a file that does not load must not be pinned by the lock");

        _host.AddFile(Repository, Revision, "or-bench-hard-1k.csv", Hard1K);
        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options());

        set.Should().HaveCount(2, "the real file loads once the mirror serves it");
    }

    [Fact]
    public async Task Not_found_names_the_url_and_the_places_tried()
    {
        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options());

        var error = (await act.Should().ThrowAsync<DatasetDownloadException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.NotFound);
        error.Message.Should().Contain("HTTP 404").And.Contain(_host.FileUrl(Repository, Revision, "or-bench-hard-1k.csv").ToString())
            .And.Contain("ORBENCH_DATA_DIR: not set").And.Contain(CachedFile);
        File.Exists(CachedFile).Should().BeFalse();
    }

    [Fact]
    public async Task A_required_token_that_is_missing_gives_401_with_advice()
    {
        _host.AddFile(Repository, Revision, "or-bench-hard-1k.csv", Hard1K);
        _host.RequiredToken = "hf_right";

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options());

        var error = (await act.Should().ThrowAsync<DatasetDownloadException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        error.Message.Should().Contain("HTTP 401").And.Contain("HF_TOKEN").And.Contain(error.Url.ToString());
        _host.Requests.Single().Authorization.Should().BeNull();
    }

    [Fact]
    public async Task A_wrong_token_gives_403_and_is_never_shown()
    {
        _host.AddFile(Repository, Revision, "or-bench-hard-1k.csv", Hard1K);
        _host.RequiredToken = "hf_right";

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options(token: "hf_wrong_secret"));

        var error = (await act.Should().ThrowAsync<DatasetDownloadException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        error.Message.Should().Contain("HTTP 403").And.NotContain("hf_wrong_secret");
        error.ToString().Should().NotContain("hf_wrong_secret");
    }

    [Fact]
    public async Task The_right_token_is_sent_as_bearer()
    {
        _host.AddFile(Repository, Revision, "or-bench-hard-1k.csv", Hard1K);
        _host.RequiredToken = "hf_right";

        var set = await OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options(token: "hf_right"));

        set.Should().HaveCount(2);
        _host.Requests.Single().Authorization.Should().Be("Bearer hf_right");
        Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories)
            .Should().NotContain(f => File.ReadAllText(f).Contains("hf_right", StringComparison.Ordinal), "the token must not be written anywhere");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Server_errors_name_the_status_and_url(int status)
    {
        _host.SetBehavior(Repository, Revision, "or-bench-hard-1k.csv", new HostedFileBehavior(Hard1K, StatusCode: status));

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options());

        var error = (await act.Should().ThrowAsync<DatasetDownloadException>()).Which;
        ((int?)error.StatusCode).Should().Be(status);
        error.Message.Should().Contain($"HTTP {status}").And.Contain("the hub failed").And.Contain(error.Url.ToString());
        File.Exists(CachedFile).Should().BeFalse();
    }

    [Fact]
    public async Task A_download_that_differs_from_the_lock_never_reaches_the_cache()
    {
        _host.AddFile(Repository, Revision, "or-bench-hard-1k.csv", Hard1K);
        var lockedHash = new string('a', 64);
        await File.WriteAllTextAsync(_temp.Combine("orbench.lock.json"),
            $"{{\"revision\":\"{Revision}\",\"files\":[{{\"name\":\"or-bench-hard-1k.csv\",\"size\":{Hard1K.Length},\"sha256\":\"{lockedHash}\"}}]}}");

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options());

        var error = (await act.Should().ThrowAsync<LockFileMismatchException>()).Which;
        error.Expected.Should().Be(lockedHash);
        error.Actual.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Hard1K)));
        File.Exists(CachedFile).Should().BeFalse();
        Directory.GetFiles(_temp.Combine("cache", Revision)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_mirror_password_in_HF_ENDPOINT_never_appears_in_errors()
    {
        var endpoint = new UriBuilder(_host.Endpoint) { UserName = "mirror-user", Password = "mirror-s3cret" }.Uri;
        var env = new Dictionary<string, string> { ["HF_ENDPOINT"] = endpoint.ToString() };
        var options = Tests.Options.Isolated(_temp, env) with { AllowDownload = true, Revision = Revision };

        var notFound = (await ((Func<Task>)(() => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options))).Should().ThrowAsync<DatasetDownloadException>()).Which;
        await _host.DisposeAsync();
        _host = await HuggingFaceFileHost.StartAsync();
        var unreachable = (await ((Func<Task>)(() => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options))).Should().ThrowAsync<DatasetDownloadException>()).Which;

        foreach (var error in new[] { notFound, unreachable })
        {
            error.ToString().Should().NotContain("mirror-s3cret").And.Contain(endpoint.Host, "the URL is still named, without its credentials");
            error.Url.ToString().Should().NotContain("mirror-s3cret");
        }

        notFound.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unreachable.StatusCode.Should().BeNull();
    }

    [Fact]
    public async Task A_malformed_HF_ENDPOINT_with_a_password_is_named_without_it()
    {
        var env = new Dictionary<string, string> { ["HF_ENDPOINT"] = "mirror-user:mirror-s3cret@hf-mirror.example.com" };
        var options = Tests.Options.Isolated(_temp, env) with { AllowDownload = true, Revision = Revision };

        var error = (await ((Func<Task>)(() => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options))).Should().ThrowAsync<OrBenchDataException>()).Which;

        error.Message.Should().Contain("HF_ENDPOINT").And.Contain("hf-mirror.example.com").And.NotContain("mirror-s3cret");
    }

    [Theory]
    [InlineData("hf_s3cret\nX-Injected: 1")]
    [InlineData("hf_s3cret part2")]
    [InlineData("hf_s3cret\u0001")]
    public async Task A_token_with_a_line_break_or_control_character_is_named_not_shown_and_never_sent(string token)
    {
        _host.AddFile(Repository, Revision, "or-bench-hard-1k.csv", Hard1K);

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options(token: token));

        var error = (await act.Should().ThrowExactlyAsync<OrBenchDataException>()).Which;
        error.Message.Should().Contain("HF_TOKEN").And.NotContain("s3cret");
        _host.Requests.Should().BeEmpty("a malformed token is refused before any request");
        File.Exists(CachedFile).Should().BeFalse();
    }

    [Fact]
    public async Task An_unreachable_hub_is_a_download_error_with_the_url()
    {
        var endpoint = _host.Endpoint;
        await _host.DisposeAsync();
        _host = await HuggingFaceFileHost.StartAsync();

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, Options() with { Endpoint = endpoint });

        var error = (await act.Should().ThrowAsync<DatasetDownloadException>()).Which;
        error.StatusCode.Should().BeNull();
        error.Message.Should().Contain("Could not reach").And.Contain(endpoint.ToString().TrimEnd('/'));
    }
}
