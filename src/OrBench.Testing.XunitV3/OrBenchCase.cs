using OrBench.Testing.Data;
using Xunit.Sdk;

namespace OrBench.Testing.XunitV3;

/// <summary>
/// One OR-Bench prompt as an xunit v3 theory argument. xunit pre-enumerates theory rows — one test case per prompt in
/// Test Explorer, TRX and <c>--filter</c> — only when every argument serialises, and <see cref="OrBenchPrompt"/> lives in
/// the framework-free Data package; this wrapper carries the whole prompt through serialisation, so a case is
/// rehydrated without reloading the data set. It converts implicitly to <see cref="OrBenchPrompt"/>, so
/// <c>client.AskAsync(prompt)</c> takes it as is.
/// </summary>
public sealed class OrBenchCase : IXunitSerializable
{
    private OrBenchPrompt? _prompt;

    /// <summary>Creates a case for <paramref name="prompt"/>.</summary>
    public OrBenchCase(OrBenchPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        _prompt = prompt;
    }

    /// <summary>For xunit's deserialiser only.</summary>
    [Obsolete("Called by xunit's deserialiser; use OrBenchCase(OrBenchPrompt).")]
    public OrBenchCase()
    {
    }

    /// <summary>The prompt.</summary>
    public OrBenchPrompt Prompt => _prompt ?? throw new InvalidOperationException("The case was not deserialised.");

    /// <summary>The prompt id.</summary>
    public string Id => Prompt.Id;

    /// <summary>The prompt text.</summary>
    public string Text => Prompt.Text;

    /// <summary>The prompt's category.</summary>
    public OrBenchCategory Category => Prompt.Category;

    /// <summary>What a good model should do.</summary>
    public ExpectedBehavior Expected => Prompt.Expected;

    /// <summary>Lets a case be passed wherever a prompt is expected.</summary>
    public static implicit operator OrBenchPrompt(OrBenchCase value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Prompt;
    }

    /// <summary>Named alternative to the implicit conversion.</summary>
    public OrBenchPrompt ToOrBenchPrompt() => Prompt;

    /// <inheritdoc />
    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue("id", Prompt.Id);
        info.AddValue("text", Prompt.Text);
        info.AddValue("category", Prompt.Category.Value);
        info.AddValue("subset", (int)Prompt.Subset);
        info.AddValue("expected", (int)Prompt.Expected);
    }

    /// <inheritdoc />
    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        _prompt = new OrBenchPrompt(
            info.GetValue<string>("id") ?? string.Empty,
            info.GetValue<string>("text") ?? string.Empty,
            new OrBenchCategory(info.GetValue<string>("category") ?? string.Empty),
            (OrBenchSubset)info.GetValue<int>("subset"),
            (ExpectedBehavior)info.GetValue<int>("expected"));
    }

    /// <summary>The display form used in test names: <c>id [category]</c>.</summary>
    public override string ToString() => _prompt is null ? "(unset)" : $"{_prompt.Id} [{_prompt.Category}]";
}
