namespace OrBench.Testing.Data;

/// <summary>
/// An OR-Bench category. The ten categories of the paper are well-known values; a custom set may use any
/// other non-empty string, which is kept exactly as written rather than rejected, so teams can bring their
/// own taxonomy (for example <c>medical</c>).
/// </summary>
/// <remarks>Comparison is ordinal and case-sensitive, as in the official CSVs (all lower case).</remarks>
public readonly record struct OrBenchCategory
{
    /// <summary>Creates a category from its CSV string.</summary>
    /// <exception cref="ArgumentException">The value is empty or only white space.</exception>
    public OrBenchCategory(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The category exactly as it appears in the <c>category</c> column.</summary>
    public string Value { get; }

    /// <summary>Prompts about misleading people.</summary>
    public static OrBenchCategory Deception { get; } = new("deception");

    /// <summary>Prompts about harassing people.</summary>
    public static OrBenchCategory Harassment { get; } = new("harassment");

    /// <summary>Prompts about causing harm in general.</summary>
    public static OrBenchCategory Harmful { get; } = new("harmful");

    /// <summary>Prompts touching on hate speech.</summary>
    public static OrBenchCategory Hate { get; } = new("hate");

    /// <summary>Prompts touching on illegal activity.</summary>
    public static OrBenchCategory Illegal { get; } = new("illegal");

    /// <summary>Prompts touching on personal data.</summary>
    public static OrBenchCategory Privacy { get; } = new("privacy");

    /// <summary>Prompts touching on self-harm.</summary>
    public static OrBenchCategory SelfHarm { get; } = new("self-harm");

    /// <summary>Prompts touching on sexual content.</summary>
    public static OrBenchCategory Sexual { get; } = new("sexual");

    /// <summary>Prompts touching on unethical behaviour.</summary>
    public static OrBenchCategory Unethical { get; } = new("unethical");

    /// <summary>Prompts touching on violence.</summary>
    public static OrBenchCategory Violence { get; } = new("violence");

    /// <summary>The ten categories of the paper, in alphabetical order.</summary>
    public static IReadOnlyList<OrBenchCategory> WellKnown { get; } =
        [Deception, Harassment, Harmful, Hate, Illegal, Privacy, SelfHarm, Sexual, Unethical, Violence];

    /// <summary>True for one of the paper's ten categories.</summary>
    public bool IsWellKnown => WellKnown.Contains(this);

    /// <summary>Lets attribute arguments and configuration use plain strings.</summary>
    public static implicit operator OrBenchCategory(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
