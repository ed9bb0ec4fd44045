namespace OrBench.Testing.Generation.Checkpoints;

/// <summary>Thread-safe tally of calls and tokens per stage and model.</summary>
internal sealed class UsageLedger
{
    private readonly Dictionary<(GenerationStage Stage, string Model), Tally> _tallies = [];
    private readonly Dictionary<string, TokenPrice?> _prices = new(StringComparer.Ordinal);
    private readonly List<string> _modelOrder = [];
    private long _liveInput;
    private long _liveOutput;

    public UsageLedger(IEnumerable<GenerationModel> models)
    {
        foreach (var model in models)
        {
            if (!_prices.ContainsKey(model.Name))
            {
                _prices[model.Name] = model.Price;
                _modelOrder.Add(model.Name);
            }
        }
    }

    public long InputTokens => Interlocked.Read(ref _liveInput);

    public long OutputTokens => Interlocked.Read(ref _liveOutput);

    public void Record(GenerationStage stage, string model, long inputTokens, long outputTokens, bool replayed)
    {
        lock (_tallies)
        {
            var tally = _tallies.TryGetValue((stage, model), out var t) ? t : new Tally();
            _tallies[(stage, model)] = tally with
            {
                Calls = tally.Calls + 1,
                Replayed = tally.Replayed + (replayed ? 1 : 0),
                Input = tally.Input + inputTokens,
                Output = tally.Output + outputTokens,
            };
        }

        if (!replayed)
        {
            Interlocked.Add(ref _liveInput, inputTokens);
            Interlocked.Add(ref _liveOutput, outputTokens);
        }
    }

    /// <summary>Adds a stage's usage loaded from its checkpoint: every call counts as replayed.</summary>
    public void RecordCheckpoint(IEnumerable<GenerationUsage> usage)
    {
        lock (_tallies)
        {
            foreach (var u in usage)
            {
                if (!_prices.ContainsKey(u.Model))
                {
                    _prices[u.Model] = null;
                    _modelOrder.Add(u.Model);
                }

                _tallies[(u.Stage, u.Model)] = new Tally(u.Calls, u.Calls, u.InputTokens, u.OutputTokens);
            }
        }
    }

    /// <summary>The usage of one stage, in model order; what its checkpoint stores.</summary>
    public IReadOnlyList<GenerationUsage> ForStage(GenerationStage stage) =>
        [.. All().Where(u => u.Stage == stage)];

    /// <summary>All usage, stage order then model order.</summary>
    public IReadOnlyList<GenerationUsage> All()
    {
        lock (_tallies)
        {
            return
            [
                .. _tallies
                    .OrderBy(kv => kv.Key.Stage)
                    .ThenBy(kv => _modelOrder.IndexOf(kv.Key.Model))
                    .Select(kv => new GenerationUsage(
                        kv.Key.Stage,
                        kv.Key.Model,
                        kv.Value.Calls,
                        kv.Value.Replayed,
                        kv.Value.Input,
                        kv.Value.Output,
                        _prices.GetValueOrDefault(kv.Key.Model)?.Estimate(kv.Value.Input, kv.Value.Output))),
            ];
        }
    }

    private sealed record Tally(int Calls = 0, int Replayed = 0, long Input = 0, long Output = 0);
}
