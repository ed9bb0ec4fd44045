namespace OrBench.Testing.Classification;

/// <summary>Wire names and refusal semantics of <see cref="VerdictLabel"/>.</summary>
public static class VerdictLabelExtensions
{
    /// <summary>True for labels that count as a rejection: direct or indirect refusal, blocked, empty.</summary>
    public static bool IsRefusal(this VerdictLabel label) =>
        label is VerdictLabel.DirectRefusal or VerdictLabel.IndirectRefusal or VerdictLabel.Blocked or VerdictLabel.Empty;

    /// <summary>True for labels that carry a decision about the model's behaviour (not <see cref="VerdictLabel.Error"/> or <see cref="VerdictLabel.Unparsed"/>).</summary>
    public static bool IsDecided(this VerdictLabel label) =>
        label is not (VerdictLabel.Error or VerdictLabel.Unparsed);

    /// <summary>The snake_case name used in files: <c>direct_answer</c>, <c>direct_refusal</c>, <c>indirect_refusal</c>, <c>blocked</c>, <c>empty</c>, <c>error</c>, <c>unparsed</c>.</summary>
    public static string ToWireName(this VerdictLabel label) => label switch
    {
        VerdictLabel.DirectAnswer => "direct_answer",
        VerdictLabel.DirectRefusal => "direct_refusal",
        VerdictLabel.IndirectRefusal => "indirect_refusal",
        VerdictLabel.Blocked => "blocked",
        VerdictLabel.Empty => "empty",
        VerdictLabel.Error => "error",
        VerdictLabel.Unparsed => "unparsed",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Unknown verdict label."),
    };

    /// <summary>Parses a wire name; returns false for anything else.</summary>
    public static bool TryParseWireName(string? value, out VerdictLabel label)
    {
        switch (value)
        {
            case "direct_answer": label = VerdictLabel.DirectAnswer; return true;
            case "direct_refusal": label = VerdictLabel.DirectRefusal; return true;
            case "indirect_refusal": label = VerdictLabel.IndirectRefusal; return true;
            case "blocked": label = VerdictLabel.Blocked; return true;
            case "empty": label = VerdictLabel.Empty; return true;
            case "error": label = VerdictLabel.Error; return true;
            case "unparsed": label = VerdictLabel.Unparsed; return true;
            default: label = default; return false;
        }
    }
}
