namespace OrBench.Testing.Data;

/// <summary>
/// Loads the official OR-Bench subsets and a team's own prompt files. Every loader returns a <see cref="PromptSet"/>
/// whose ids are stable (see <see cref="PromptIds"/>) and whose <see cref="PromptSet.Source"/> names the bytes used;
/// every bad input fails with an <see cref="OrBenchDataException"/> naming file, line and problem.
/// </summary>
public static class OrBenchDataset
{
    /// <summary>
    /// Loads one official subset, resolving the file as described on <see cref="OrBenchDataOptions"/> and checking
    /// it against the lock file. Hard-1K and 80K prompts expect an answer, Toxic prompts a refusal. A built-in subset
    /// (<see cref="OrBenchSubset.XSTestSafe"/>, <see cref="OrBenchSubset.XSTestUnsafe"/>) comes from this assembly
    /// and ignores <paramref name="options"/>: no directory, cache, network or lock file is touched.
    /// </summary>
    /// <exception cref="DataFileNotFoundException">The file is nowhere and downloading is off.</exception>
    /// <exception cref="DatasetDownloadException">The download failed (HTTP error, unreachable, cut short).</exception>
    /// <exception cref="LockFileMismatchException">The bytes differ from the lock.</exception>
    /// <exception cref="PromptFileFormatException">The file is not valid OR-Bench CSV.</exception>
    /// <exception cref="DuplicatePromptIdException">Two rows map to one id.</exception>
    public static async Task<PromptSet> LoadAsync(OrBenchSubset subset, OrBenchDataOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (OrBenchFiles.IsBuiltIn(subset))
        {
            return LoadBuiltIn(subset);
        }

        options ??= new OrBenchDataOptions();
        var fileName = OrBenchFiles.FileName(subset);
        var duplicates = options.Duplicates;
        var file = await DataFileResolver.ResolveAsync(
            fileName,
            options,
            (bytes, source) =>
            {
                var builder = new PromptSetBuilder(source, subset, OrBenchPrompt.DefaultExpectation(subset), PromptIds.PrefixFor(subset), duplicates);
                CsvPromptReader.Read(bytes, source, builder);
                return (Prompts: builder.Build(), builder.RowCount);
            },
            cancellationToken);
        return new PromptSet(Path.GetFileNameWithoutExtension(fileName), subset, file.Parsed.Prompts)
        {
            Source = new PromptSetSource(file.Path, file.Size, file.Sha256, options.Revision)
            {
                RowCount = file.Parsed.RowCount,
                IsPublishedFile = OrBenchFiles.IsPublished(subset, file.Sha256),
            },
        };
    }

    /// <summary>
    /// Loads a subset built into this assembly (<see cref="OrBenchSubset.XSTestSafe"/>, <see cref="OrBenchSubset.XSTestUnsafe"/>)
    /// synchronously: there is nothing to resolve or download, so data attributes and static member data can call it
    /// directly. The same call always returns the same (immutable) set.
    /// </summary>
    /// <exception cref="ArgumentException">The subset is not built in (see <see cref="OrBenchFiles.IsBuiltIn"/>).</exception>
    public static PromptSet LoadBuiltIn(OrBenchSubset subset) => BuiltInPromptSets.Load(subset);

    /// <summary>
    /// Loads a custom prompt file, choosing the format by extension: <c>.csv</c> (OR-Bench schema
    /// <c>prompt,category</c>) or <c>.jsonl</c>/<c>.ndjson</c> (<c>{"prompt": ..., "category": ...}</c> per line).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="expected">What a good model should do with every prompt of the file.</param>
    /// <param name="options">Id prefix, name and duplicate handling.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="ArgumentException">The extension is neither CSV nor JSONL.</exception>
    public static Task<PromptSet> LoadCustomAsync(string path, ExpectedBehavior expected, CustomPromptSetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => LoadCsvAsync(path, expected, options, cancellationToken),
            ".JSONL" or ".NDJSON" => LoadJsonlAsync(path, expected, options, cancellationToken),
            _ => throw new ArgumentException($"'{path}': unknown prompt file type; use .csv or .jsonl, or call LoadCsvAsync / LoadJsonlAsync.", nameof(path)),
        };
    }

    /// <summary>Loads a custom CSV in the OR-Bench schema (<c>prompt,category</c>, RFC 4180, UTF-8 with or without BOM).</summary>
    public static async Task<PromptSet> LoadCsvAsync(string path, ExpectedBehavior expected, CustomPromptSetOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (fullPath, bytes) = await ReadCustomAsync(path, cancellationToken);
        return Parse(bytes, fullPath, expected, options, CsvPromptReader.Read);
    }

    /// <summary>Loads a custom JSON Lines file: one <c>{"prompt": ..., "category": ...}</c> object per line.</summary>
    public static async Task<PromptSet> LoadJsonlAsync(string path, ExpectedBehavior expected, CustomPromptSetOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (fullPath, bytes) = await ReadCustomAsync(path, cancellationToken);
        return Parse(bytes, fullPath, expected, options, JsonlPromptReader.Read);
    }

    /// <summary>Parses CSV bytes already in memory, as an official subset would be (for benchmarks and tests).</summary>
    internal static PromptSet ParseOfficialCsv(ReadOnlyMemory<byte> bytes, string filePath, OrBenchSubset subset, DuplicatePromptHandling duplicates = DuplicatePromptHandling.Throw)
    {
        var builder = new PromptSetBuilder(filePath, subset, OrBenchPrompt.DefaultExpectation(subset), PromptIds.PrefixFor(subset), duplicates);
        CsvPromptReader.Read(bytes, filePath, builder);
        return new PromptSet(Path.GetFileNameWithoutExtension(filePath), subset, builder.Build());
    }

    private delegate void Reader(ReadOnlyMemory<byte> bytes, string filePath, PromptSetBuilder builder);

    private static PromptSet Parse(byte[] bytes, string fullPath, ExpectedBehavior expected, CustomPromptSetOptions? options, Reader read)
    {
        options ??= new CustomPromptSetOptions();
        var builder = new PromptSetBuilder(fullPath, OrBenchSubset.Custom, expected, options.IdPrefix, options.Duplicates);
        read(bytes, fullPath, builder);
        return new PromptSet(options.Name ?? Path.GetFileNameWithoutExtension(fullPath), OrBenchSubset.Custom, builder.Build())
        {
            Source = new PromptSetSource(fullPath, bytes.LongLength, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), null)
            {
                RowCount = builder.RowCount,
            },
        };
    }

    private static async Task<(string FullPath, byte[] Bytes)> ReadCustomAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new DataFileNotFoundException(Path.GetFileName(fullPath), [$"{fullPath} - not found"]);
        }

        return (fullPath, await File.ReadAllBytesAsync(fullPath, cancellationToken));
    }
}
