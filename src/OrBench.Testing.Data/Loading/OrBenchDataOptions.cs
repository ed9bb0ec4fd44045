using System.Text;

namespace OrBench.Testing.Data;

/// <summary>
/// Where OR-Bench files come from and how they are pinned. Resolution order, each step reported when all fail:
/// <list type="number">
/// <item><see cref="DataDirectory"/> (an explicit directory given in code);</item>
/// <item><c>ORBENCH_DATA_DIR</c>;</item>
/// <item>the local cache: <see cref="CacheDirectory"/>, else <c>ORBENCH_CACHE_DIR</c>, else <c>~/.cache/orbench</c>,
/// with the file under <c>&lt;cache&gt;/&lt;revision&gt;/</c>;</item>
/// <item>a download from the Hugging Face dataset <see cref="Repository"/> at <see cref="Revision"/>, honouring
/// <c>HF_ENDPOINT</c> and <c>HF_TOKEN</c> (disabled by <see cref="AllowDownload"/> = false or <c>HF_HUB_OFFLINE=1</c>).</item>
/// </list>
/// Every load is checked against the lock file (see <see cref="LockFile"/>). The defaults are what a test project
/// wants: pinned revision, lock next to the test project, download when nothing local exists.
/// </summary>
public sealed record OrBenchDataOptions
{
    /// <summary>The dataset revision the code was tested against; pinned so every machine scores the same bytes.</summary>
    public const string PinnedRevision = "e36d8b80e81837c8a8f264bbb2a49f1b32c7e272";

    /// <summary>The Hugging Face dataset the official files come from.</summary>
    public const string DefaultRepository = "bench-llm/or-bench";

    /// <summary>The hub used when neither <see cref="Endpoint"/> nor <c>HF_ENDPOINT</c> is set.</summary>
    public static Uri DefaultEndpoint { get; } = new("https://huggingface.co");

    /// <summary>An explicit directory holding the CSVs; wins over every other source.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The dataset revision to download, and the cache sub-folder.</summary>
    public string Revision { get; init; } = PinnedRevision;

    /// <summary>The Hugging Face dataset id, <c>owner/name</c>.</summary>
    public string Repository { get; init; } = DefaultRepository;

    /// <summary>The cache root; overrides <c>ORBENCH_CACHE_DIR</c>. Files live under <c>&lt;root&gt;/&lt;revision&gt;/</c>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Whether step 4 (download) may run. Set false for air-gapped CI so a missing file fails fast.</summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>The hub or mirror base URL; overrides <c>HF_ENDPOINT</c>.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>A bearer token for the hub; overrides <c>HF_TOKEN</c>. Never written to messages, caches or <see cref="ToString"/>.</summary>
    public string? Token { get; init; }

    /// <summary>The client used for downloads, e.g. one with a proxy or a test handler; default a shared client.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>
    /// The lock file path; overrides <c>ORBENCH_LOCK_FILE</c>. Default: <c>orbench.lock.json</c> in the nearest
    /// ancestor of the current directory that holds a <c>*.csproj</c> (the test project when run by
    /// <c>dotnet test</c>), else the current directory.
    /// </summary>
    public string? LockFile { get; init; }

    /// <summary>Whether the lock is written, only verified, or ignored. <c>ORBENCH_LOCK_FILE=off</c> also disables it.</summary>
    public LockFileMode LockFileMode { get; init; } = LockFileMode.CreateOrVerify;

    /// <summary>What to do with repeated prompts; default fail.</summary>
    public DuplicatePromptHandling Duplicates { get; init; } = DuplicatePromptHandling.Throw;

    /// <summary>Reads environment variables; replaced in tests so they need not touch the process environment.</summary>
    internal Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The directory the default lock location is searched from; default the process's current directory.</summary>
    internal string? WorkingDirectory { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("DataDirectory = ").Append(DataDirectory)
            .Append(", Revision = ").Append(Revision)
            .Append(", Repository = ").Append(Repository)
            .Append(", CacheDirectory = ").Append(CacheDirectory)
            .Append(", AllowDownload = ").Append(AllowDownload)
            .Append(", Endpoint = ").Append(Endpoint)
            .Append(", Token = ").Append(Token is null ? string.Empty : "***")
            .Append(", LockFile = ").Append(LockFile)
            .Append(", LockFileMode = ").Append(LockFileMode)
            .Append(", Duplicates = ").Append(Duplicates);
        return true;
    }
}
