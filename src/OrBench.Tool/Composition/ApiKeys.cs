using OrBench.Tool.Cli;

namespace OrBench.Tool.Composition;

/// <summary>
/// The API key of an endpoint, read from the environment variable the command line names (never from the command line
/// itself): a variable named explicitly must be set, the default one may be unset (local servers need no key).
/// </summary>
internal static class ApiKeys
{
    /// <summary>
    /// Reads the key from <paramref name="variable"/>; null when the default variable is unset (the client then sends a
    /// placeholder that local servers ignore).
    /// </summary>
    /// <exception cref="UsageException">A variable named explicitly is unset.</exception>
    public static string? Resolve(ToolConsole console, string variable, bool explicitlyNamed, string optionName)
    {
        var key = console.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(key))
        {
            return key;
        }

        if (!explicitlyNamed)
        {
            return null;
        }

        // A key pasted where the variable's name belongs ("--api-key-env sk-proj-...") must not be echoed into CI logs:
        // only a conventional variable name (upper case, digits, underscores) is repeated back.
        throw new UsageException(LooksLikeVariableName(variable)
            ? $"environment variable {variable} (named by {optionName}) is not set"
            : $"{optionName} takes the NAME of an environment variable (upper-case letters, digits, _) that holds the key, not the key itself; no such variable is set (the value is not shown in case it is a key)");
    }

    private static bool LooksLikeVariableName(string value) =>
        value.Length is > 0 and <= 128 && !char.IsAsciiDigit(value[0]) && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');
}
