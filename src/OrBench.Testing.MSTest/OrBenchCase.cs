using System.Runtime.Serialization;
using OrBench.Testing.Data;

namespace OrBench.Testing.MSTest;

/// <summary>
/// One OR-Bench prompt as an MSTest data row argument. MSTest unfolds a data source into one test case per row — in
/// Test Explorer, TRX and <c>--filter</c> — only when every argument survives data-contract serialisation, which
/// <see cref="OrBenchPrompt"/> (in the framework-free Data package) does not; this contract carries the whole prompt, so
/// a case is rehydrated without reloading the data set. It converts implicitly to <see cref="OrBenchPrompt"/>, so
/// <c>client.AskAsync(prompt)</c> takes it as is.
/// </summary>
[DataContract(Name = "OrBenchCase", Namespace = "https://orbench-testing/mstest")]
public sealed class OrBenchCase
{
    /// <summary>Creates a case for <paramref name="prompt"/>.</summary>
    public OrBenchCase(OrBenchPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        Id = prompt.Id;
        Text = prompt.Text;
        CategoryName = prompt.Category.Value;
        Subset = prompt.Subset;
        Expected = prompt.Expected;
    }

    /// <summary>The prompt id.</summary>
    [DataMember(Order = 0)]
    public string Id { get; private set; }

    /// <summary>The prompt text.</summary>
    [DataMember(Order = 1)]
    public string Text { get; private set; }

    /// <summary>The prompt's category.</summary>
    public OrBenchCategory Category => new(CategoryName);

    /// <summary>The subset the prompt comes from.</summary>
    [DataMember(Order = 3)]
    public OrBenchSubset Subset { get; private set; }

    /// <summary>What a good model should do.</summary>
    [DataMember(Order = 4)]
    public ExpectedBehavior Expected { get; private set; }

    /// <summary>The prompt.</summary>
    public OrBenchPrompt Prompt => new(Id, Text, Category, Subset, Expected);

    [DataMember(Order = 2, Name = "Category")]
    private string CategoryName { get; set; }

    /// <summary>Lets a case be passed wherever a prompt is expected.</summary>
    public static implicit operator OrBenchPrompt(OrBenchCase value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Prompt;
    }

    /// <summary>Named alternative to the implicit conversion.</summary>
    public OrBenchPrompt ToOrBenchPrompt() => Prompt;

    /// <summary>The display form used in test names: <c>id [category]</c>.</summary>
    public override string ToString() => $"{Id} [{CategoryName}]";
}
