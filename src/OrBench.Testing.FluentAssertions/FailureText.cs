using System.Text;

namespace OrBench.Testing.Assertions;

/// <summary>Escapes untrusted text (responses, prompts, errors) for FluentAssertions' message formatter: the one FluentAssertions-specific piece of message building.</summary>
internal static class FailureText
{
    /// <summary>
    /// The arguments every <c>FailWith</c> carrying <see cref="Escape"/>d text must pass: <c>{0}</c> renders <c>{</c> and
    /// <c>{1}</c> renders <c>}</c>. Doubling braces is not enough, because FluentAssertions replaces <c>{reason}</c> and
    /// <c>{context:…}</c> inside <c>{{reason}}</c> before formatting.
    /// </summary>
    public static object[] Args { get; } = [new Brace('{'), new Brace('}')];

    /// <summary>
    /// Makes text safe to embed in a FluentAssertions message template: each brace becomes a format item of
    /// <see cref="Args"/>, so response text such as <c>{reason}</c> or <c>{0}</c> is shown verbatim and never interpreted.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            _ = ch switch
            {
                '{' => builder.Append("{0}"),
                '}' => builder.Append("{1}"),
                _ => builder.Append(ch),
            };
        }

        return builder.ToString();
    }

    /// <summary>A brace that FluentAssertions' formatter renders through its <see cref="ToString"/>, unquoted.</summary>
    private sealed class Brace(char value)
    {
        public override string ToString() => value.ToString();
    }
}
