using System.Buffers.Binary;

namespace OrBench.Testing.Classification.Offline;

/// <summary>
/// The weights of the offline classifier: two logistic regressions over the hashed features of the whole
/// response (see docs/classification.md): one for "any refusal" against "answer", one for "indirect" against
/// "direct" among refusals. The shipped model (<see cref="Default"/>) is an embedded resource trained by
/// <c>tools/OrBench.ClassifierLab</c>; the training is deterministic, so the file can be rebuilt bit for bit.
/// Immutable and thread-safe.
/// </summary>
public sealed class OfflineModel
{
    /// <summary>Number of heads: refusal vs answer, indirect vs direct refusal.</summary>
    internal const int Heads = 2;

    private const string ResourceName = "OrBench.Testing.Classification.Offline.offline-model.bin";
    private static readonly byte[] Magic = "ORBOFFL2"u8.ToArray();
    private static readonly Lazy<OfflineModel> DefaultModel = new(LoadDefault);

    private readonly float[] _weights;

    internal OfflineModel(int bucketBits, float[] weights)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketBits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucketBits, 24);
        if (weights.Length != OfflineFeaturizer.FeatureCount(bucketBits) * Heads)
        {
            throw new ArgumentException($"Expected {OfflineFeaturizer.FeatureCount(bucketBits) * Heads} weights for {bucketBits} bucket bits, got {weights.Length}.", nameof(weights));
        }

        BucketBits = bucketBits;
        _weights = weights;
    }

    /// <summary>The model shipped with the library.</summary>
    public static OfflineModel Default => DefaultModel.Value;

    /// <summary>log2 of the number of hashed feature buckets.</summary>
    public int BucketBits { get; }

    /// <summary>The weights, laid out feature-major (<c>[feature * 2 + head]</c>).</summary>
    internal ReadOnlySpan<float> Weights => _weights;

    /// <summary>Scores a response without its prompt (the prompt–response features stay zero); prefer the overload with the prompt.</summary>
    public OfflineScores Predict(ReadOnlySpan<char> response) => Predict([], response);

    /// <summary>Scores the response to <paramref name="prompt"/> without allocating.</summary>
    public OfflineScores Predict(ReadOnlySpan<char> prompt, ReadOnlySpan<char> response)
    {
        var (refusal, indirect) = Logits(prompt, response);
        var p = Sigmoid(refusal);
        var q = Sigmoid(indirect);
        return new OfflineScores(1 - p, p * (1 - q), p * q);
    }

    /// <summary>The two heads' raw scores (log-odds of refusal, log-odds of indirect given refusal).</summary>
    internal (double Refusal, double Indirect) Logits(ReadOnlySpan<char> prompt, ReadOnlySpan<char> response)
    {
        var sink = new ScoringSink(_weights);
        OfflineFeaturizer.Extract(prompt, response, BucketBits, ref sink);
        return (sink.Refusal, sink.Indirect);
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <exception cref="OfflineModelFormatException">The stream does not hold a model this version can read.</exception>
    public static OfflineModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[Magic.Length + 12];
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
            throw new OfflineModelFormatException("Not an offline model file of this version (magic bytes differ; expected ORBOFFL2).");
        }

        var fields = header[Magic.Length..];
        var featureVersion = BinaryPrimitives.ReadInt32LittleEndian(fields);
        var bucketBits = BinaryPrimitives.ReadInt32LittleEndian(fields[4..]);
        var heads = BinaryPrimitives.ReadInt32LittleEndian(fields[8..]);
        if (featureVersion != OfflineFeaturizer.Version || heads != Heads || bucketBits is < 8 or > 24)
        {
            throw new OfflineModelFormatException($"Unsupported offline model: feature version {featureVersion} (expected {OfflineFeaturizer.Version}), {heads} heads (expected {Heads}), {bucketBits} bucket bits (8–24).");
        }

        var weights = new float[OfflineFeaturizer.FeatureCount(bucketBits) * Heads];
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

        return new OfflineModel(bucketBits, weights);
    }

    /// <summary>Writes the model: an 8-byte magic, three little-endian int32 (feature version, bucket bits, heads), then the weights as little-endian IEEE half floats.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[Magic.Length + 12];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[Magic.Length..], OfflineFeaturizer.Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[(Magic.Length + 4)..], BucketBits);
        BinaryPrimitives.WriteInt32LittleEndian(header[(Magic.Length + 8)..], Heads);
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
        public double Refusal;
        public double Indirect;

        public void Add(int index, float value)
        {
            var offset = index * Heads;
            Refusal += weights[offset] * value;
            Indirect += weights[offset + 1] * value;
        }
    }
}
