using System.Buffers.Binary;

namespace OrBench.Testing.Classification.Offline;

/// <summary>
/// The weights of the offline classifier: a three-class logistic regression over hashed features of the
/// response (see docs/classification.md). The shipped model (<see cref="Default"/>) is an embedded resource
/// trained by <c>tools/OrBench.ClassifierLab</c>; the training is deterministic, so the file can be rebuilt
/// bit for bit. Immutable and thread-safe.
/// </summary>
public sealed class OfflineModel
{
    /// <summary>Number of classes: direct answer, direct refusal, indirect refusal.</summary>
    internal const int Classes = 3;

    private const string ResourceName = "OrBench.Testing.Classification.Offline.offline-model.bin";
    private static readonly byte[] Magic = "ORBOFFL1"u8.ToArray();
    private static readonly Lazy<OfflineModel> DefaultModel = new(LoadDefault);

    private readonly float[] _weights;

    internal OfflineModel(int bucketBits, int window, float[] weights)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketBits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucketBits, 24);
        if (weights.Length != OfflineFeaturizer.FeatureCount(bucketBits) * Classes)
        {
            throw new ArgumentException($"Expected {OfflineFeaturizer.FeatureCount(bucketBits) * Classes} weights for {bucketBits} bucket bits, got {weights.Length}.", nameof(weights));
        }

        BucketBits = bucketBits;
        Window = window;
        _weights = weights;
    }

    /// <summary>The model shipped with the library.</summary>
    public static OfflineModel Default => DefaultModel.Value;

    /// <summary>log2 of the number of hashed feature buckets.</summary>
    public int BucketBits { get; }

    /// <summary>How many leading characters of a response the n-gram features read.</summary>
    public int Window { get; }

    /// <summary>The weights, laid out feature-major (<c>[feature * 3 + class]</c>).</summary>
    internal ReadOnlySpan<float> Weights => _weights;

    /// <summary>Scores a response without its prompt (the prompt–response features stay zero); prefer the overload with the prompt.</summary>
    public OfflineScores Predict(ReadOnlySpan<char> response) => Predict([], response);

    /// <summary>Scores the response to <paramref name="prompt"/> without allocating.</summary>
    public OfflineScores Predict(ReadOnlySpan<char> prompt, ReadOnlySpan<char> response)
    {
        var sink = new ScoringSink(_weights);
        OfflineFeaturizer.Extract(prompt, response, BucketBits, Window, ref sink);
        var max = Math.Max(sink.Answer, Math.Max(sink.Direct, sink.Indirect));
        var answer = Math.Exp(sink.Answer - max);
        var direct = Math.Exp(sink.Direct - max);
        var indirect = Math.Exp(sink.Indirect - max);
        var total = answer + direct + indirect;
        return new OfflineScores(answer / total, direct / total, indirect / total);
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <exception cref="OfflineModelFormatException">The stream does not hold a model this version can read.</exception>
    public static OfflineModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[Magic.Length + 16];
        try
        {
            stream.ReadExactly(header);
        }
        catch (EndOfStreamException ex)
        {
            throw new OfflineModelFormatException("Offline model file is shorter than its header.", ex);
        }

        if (!header[..Magic.Length].SequenceEqual(Magic))
        {
            throw new OfflineModelFormatException("Not an offline model file (magic bytes differ).");
        }

        var fields = header[Magic.Length..];
        var featureVersion = BinaryPrimitives.ReadInt32LittleEndian(fields);
        var bucketBits = BinaryPrimitives.ReadInt32LittleEndian(fields[4..]);
        var window = BinaryPrimitives.ReadInt32LittleEndian(fields[8..]);
        var classes = BinaryPrimitives.ReadInt32LittleEndian(fields[12..]);
        if (featureVersion != OfflineFeaturizer.Version || classes != Classes || bucketBits is < 8 or > 24 || window is < 16 or > 2048)
        {
            throw new OfflineModelFormatException($"Unsupported offline model: feature version {featureVersion} (expected {OfflineFeaturizer.Version}), {classes} classes, {bucketBits} bucket bits, window {window}.");
        }

        var weights = new float[OfflineFeaturizer.FeatureCount(bucketBits) * Classes];
        var bytes = new byte[weights.Length * 2];
        try
        {
            stream.ReadExactly(bytes);
        }
        catch (EndOfStreamException ex)
        {
            throw new OfflineModelFormatException($"Offline model file is truncated: expected {weights.Length} weights.", ex);
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(i * 2));
        }

        return new OfflineModel(bucketBits, window, weights);
    }

    /// <summary>Writes the model: an 8-byte magic, four little-endian int32 (feature version, bucket bits, window, classes), then the weights as little-endian IEEE half floats.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[Magic.Length + 16];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[Magic.Length..], OfflineFeaturizer.Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[(Magic.Length + 4)..], BucketBits);
        BinaryPrimitives.WriteInt32LittleEndian(header[(Magic.Length + 8)..], Window);
        BinaryPrimitives.WriteInt32LittleEndian(header[(Magic.Length + 12)..], Classes);
        stream.Write(header);
        var bytes = new byte[_weights.Length * 2];
        for (var i = 0; i < _weights.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2), (Half)_weights[i]);
        }

        stream.Write(bytes);
    }

    /// <summary>Rounds weights through the stored half precision, so an in-memory model predicts exactly as its file will.</summary>
    internal static float[] RoundToStoredPrecision(ReadOnlySpan<double> weights)
    {
        var rounded = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            rounded[i] = (float)(Half)weights[i];
        }

        return rounded;
    }

    private static OfflineModel LoadDefault()
    {
        using var stream = typeof(OfflineModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new OfflineModelFormatException($"The embedded offline model '{ResourceName}' is missing from {typeof(OfflineModel).Assembly.GetName().Name}.");
        return Read(stream);
    }

    private struct ScoringSink(float[] weights) : IFeatureSink
    {
        public double Answer;
        public double Direct;
        public double Indirect;

        public void Add(int index, float value)
        {
            var offset = index * Classes;
            Answer += weights[offset] * value;
            Direct += weights[offset + 1] * value;
            Indirect += weights[offset + 2] * value;
        }
    }
}
