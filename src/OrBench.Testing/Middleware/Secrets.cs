using System.Text.RegularExpressions;

namespace OrBench.Testing.Middleware;

/// <summary>
/// Removes anything that looks like a credential from provider messages before they reach records, caches,
/// reports or logs: keys with a known prefix (<c>sk-</c>, <c>gsk_</c>, <c>hf_</c>, <c>AIza</c> …), bearer tokens,
/// <c>api-key</c>/<c>key=</c> values, a key a provider echoes ("API key provided: …"), URL user info, and any run of
/// 32 or more key characters mixing letters and digits (how Azure and self-hosted gateways' keys look) — and, whatever
/// their shape, the values given to <see cref="Register"/> (the configured API keys), which no pattern could recognise
/// (<c>correct-horse-battery-staple</c>, 16 hex digits).
/// </summary>
public static partial class Secrets
{
    /// <summary>The text put where a credential was.</summary>
    public const string Redacted = "[REDACTED]";

    /// <summary>Values shorter than this are not registered: replacing them would mangle ordinary text, and they protect nothing.</summary>
    public const int MinimumRegisteredLength = 8;

    private static readonly Lock RegistryGate = new();
    private static string[] _known = [];

    /// <summary>
    /// Scrubs <paramref name="secret"/> from everything <see cref="Scrub"/> and <see cref="ScrubRegistered"/> return from
    /// now on, for the rest of the process (values are never removed, so concurrent runs with different keys stay safe).
    /// Call it with every API key the process is configured with before the first request. Values shorter than
    /// <see cref="MinimumRegisteredLength"/> characters or made of white space are ignored.
    /// </summary>
    public static void Register(string? secret)
    {
        var value = secret?.Trim();
        if (value is null || value.Length < MinimumRegisteredLength)
        {
            return;
        }

        lock (RegistryGate)
        {
            if (Array.IndexOf(_known, value) < 0)
            {
                // Longest first, so a key that contains another registered key is replaced whole.
                _known = [.. _known.Append(value).OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>
    /// Replaces only the registered values (see <see cref="Register"/>): for text that is not a provider message, such as
    /// a model's answer, where the credential patterns of <see cref="Scrub"/> would remove ordinary content.
    /// </summary>
    public static string ScrubRegistered(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in Volatile.Read(ref _known))
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Redacted, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>Returns <paramref name="text"/> with registered values and anything shaped like a credential replaced by <see cref="Redacted"/>.</summary>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var scrubbed = ScrubRegistered(text);
        scrubbed = KeyLike().Replace(scrubbed, Redacted);
        scrubbed = Bearer().Replace(scrubbed, "$1" + Redacted);
        scrubbed = NamedKey().Replace(scrubbed, "$1" + Redacted);
        scrubbed = KeyPhrase().Replace(scrubbed, "$1" + Redacted);
        scrubbed = UserInfo().Replace(scrubbed, "$1" + Redacted + "@");
        scrubbed = LongToken().Replace(scrubbed, Redacted);
        return scrubbed;
    }

    // Prefixed keys: OpenAI/Anthropic/OpenRouter (sk-), xAI, Groq (gsk_), Hugging Face (hf_), GitHub, GitLab,
    // Replicate (r8_), Google (AIza…) and AWS access key ids.
    [GeneratedRegex(@"\b(?:(?:sk|rk|pk|xai)-[A-Za-z0-9_\-]{8,}|(?:gsk|hf|ghp|gho|ghs|ghu|github_pat|glpat|r8)_[A-Za-z0-9_\-]{8,}|AIza[0-9A-Za-z_\-]{20,}|AKIA[0-9A-Z]{16})")]
    private static partial Regex KeyLike();

    // A provider echoing the key it rejected: "Incorrect API key provided: …", "Invalid token passed …".
    [GeneratedRegex(@"(?i)(\b(?:api[\s_-]?key|key|token|secret)\s+(?:provided|passed|received|given|supplied|sent|used)\s*[:=]?\s*[""']?)[^\s""'&,;]{4,}")]
    private static partial Regex KeyPhrase();

    // Keys without a known prefix (Azure's 32 hex digits, self-hosted gateways' tokens): any run of 32 or more
    // key characters holding both a letter and a digit. Request ids and GUIDs go too, which costs little in an error text.
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])(?=[A-Za-z0-9_\-]*[0-9])(?=[A-Za-z0-9_\-]*[A-Za-z])[A-Za-z0-9_\-]{32,}(?![A-Za-z0-9_\-])")]
    private static partial Regex LongToken();

    [GeneratedRegex(@"(?i)(bearer\s+)[A-Za-z0-9._~+/=\-]{8,}")]
    private static partial Regex Bearer();

    [GeneratedRegex(@"(?i)((?:api[-_]?key|access[-_]?token|secret|password|key|token|sig)[""']?\s*[:=]\s*[""']?)[^\s""'&,;]{4,}")]
    private static partial Regex NamedKey();

    [GeneratedRegex(@"(https?://)[^/\s@]+@")]
    private static partial Regex UserInfo();
}
