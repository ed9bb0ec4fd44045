using System.Text.RegularExpressions;

namespace OrBench.Testing.Middleware;

/// <summary>
/// Removes anything that looks like a credential from provider messages before they reach records, caches,
/// reports or logs: OpenAI-style keys, bearer tokens, <c>api-key</c>/<c>key=</c> values and URL user info.
/// </summary>
public static partial class Secrets
{
    /// <summary>The text put where a credential was.</summary>
    public const string Redacted = "[REDACTED]";

    /// <summary>Returns <paramref name="text"/> with credentials replaced by <see cref="Redacted"/>.</summary>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var scrubbed = KeyLike().Replace(text, Redacted);
        scrubbed = Bearer().Replace(scrubbed, "$1" + Redacted);
        scrubbed = NamedKey().Replace(scrubbed, "$1" + Redacted);
        scrubbed = UserInfo().Replace(scrubbed, "$1" + Redacted + "@");
        return scrubbed;
    }

    [GeneratedRegex(@"\b(?:sk|rk|pk)-[A-Za-z0-9_\-]{8,}")]
    private static partial Regex KeyLike();

    [GeneratedRegex(@"(?i)(bearer\s+)[A-Za-z0-9._~+/=\-]{8,}")]
    private static partial Regex Bearer();

    [GeneratedRegex(@"(?i)((?:api[-_]?key|access[-_]?token|secret|password|key|token|sig)[""']?\s*[:=]\s*[""']?)[^\s""'&,;]{4,}")]
    private static partial Regex NamedKey();

    [GeneratedRegex(@"(https?://)[^/\s@]+@")]
    private static partial Regex UserInfo();
}
