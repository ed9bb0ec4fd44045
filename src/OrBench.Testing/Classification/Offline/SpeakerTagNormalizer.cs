using OrBench.Testing.Classification.Text;

namespace OrBench.Testing.Classification.Offline;

/// <summary>
/// Brings a whole response into the canonical form the offline features read: lower-cased, typographic
/// apostrophes and quotes made ASCII, markdown decoration at line starts and runs of spaces dropped, and
/// <b>speaker tags removed</b> — persona labels and role headers at the start of a line (<c>[ChatGPT]:</c>,
/// <c>[🔓JAILBREAK]</c>, <c>DAN:</c>, <c>The Cop:</c>, <c>### Response:</c>), a line that is only a role word
/// (<c>assistant</c>, <c>[respond]</c>) and chat-template control tokens anywhere (<c>&lt;|im_start|&gt;</c>,
/// <c>&lt;s&gt;</c>, <c>[INST]</c>). Without this a refusal behind a tag does not open with its refusal, and a
/// dual-persona reply looks like one paragraph. Each removed tag starts a new <em>segment</em>; the features read
/// every segment's opening, so "one persona refuses, the other answers" is visible. Allocation-free.
/// </summary>
internal static class SpeakerTagNormalizer
{
    /// <summary>Most segments recorded; later tags still separate text but start no new segment.</summary>
    public const int MaxSegments = 8;

    /// <summary>Longest speaker tag recognised, in characters (brackets and colon included).</summary>
    private const int MaxTagLength = 40;

    /// <summary>Most words in an unbracketed <c>Name:</c> tag.</summary>
    private const int MaxTagWords = 3;

    /// <summary>ASCII characters the slow path would copy unchanged or lower-case, mapped to what it writes; 0 for the rest.</summary>
    private static readonly char[] AsciiMap = BuildAsciiMap();

    private static readonly string[] RoleWords =
        ["assistant", "user", "system", "model", "bot", "ai", "response", "respond", "answer", "output", "reply", "gpt", "chatgpt"];

    /// <summary>
    /// Writes the normalised form of <paramref name="text"/> into <paramref name="destination"/> (segments separated by
    /// <c>'\n'</c>) and the start offset of each segment into <paramref name="segmentStarts"/>; returns the characters
    /// written and, through <paramref name="segments"/>, the segment count (at least 1 when anything was written).
    /// <paramref name="tags"/> counts the speaker tags and control tokens removed.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination, Span<int> segmentStarts, out int segments, out int tags)
    {
        var written = 0;
        segments = 0;
        tags = 0;
        var position = 0;
        var pendingBreak = false;
        while (position < text.Length && written < destination.Length)
        {
            var lineEnd = text[position..].IndexOf('\n');
            var line = lineEnd < 0 ? text[position..] : text[position..(position + lineEnd)];
            position = lineEnd < 0 ? text.Length : position + lineEnd + 1;

            var body = ResponseText.SkipDecoration(line);
            var tagged = false;
            while (TagLength(body, allowNamed: !tagged) is var length and > 0)
            {
                tagged = true;
                tags++;
                body = ResponseText.SkipDecoration(body[length..]);
            }

            if (tagged && segments < MaxSegments && written > 0)
            {
                pendingBreak = true;
                StartSegment(segmentStarts, ref segments, written + 1);
            }

            if (body.IsEmpty)
            {
                continue;
            }

            if (segments == 0)
            {
                StartSegment(segmentStarts, ref segments, 0);
            }

            if (written > 0 && written < destination.Length)
            {
                destination[written++] = pendingBreak ? '\n' : ' ';
            }

            pendingBreak = false;
            written = AppendLine(body, destination, written, ref tags);
        }

        // A segment recorded for a tag that had no text after it ends at the end.
        while (segments > 0 && segmentStarts[segments - 1] >= written)
        {
            segments--;
        }

        if (segments == 0 && written > 0)
        {
            segmentStarts[0] = 0;
            segments = 1;
        }

        return written;
    }

    private static char[] BuildAsciiMap()
    {
        var map = new char[128];
        for (var c = (char)1; c < 128; c++)
        {
            if (!char.IsWhiteSpace(c) && c is not ('<' or '[' or '*'))
            {
                var n = ResponseText.NormalizeApostrophe(c);
                map[c] = n is >= 'A' and <= 'Z' ? (char)(n | 0x20) : n;
            }
        }

        return map;
    }

    private static void StartSegment(Span<int> starts, ref int segments, int offset)
    {
        if (segments < starts.Length && segments < MaxSegments)
        {
            starts[segments++] = offset;
        }
    }

    /// <summary>Appends one line's text, lower-cased, with control tokens removed and spaces collapsed.</summary>
    private static int AppendLine(ReadOnlySpan<char> line, Span<char> destination, int written, ref int tags)
    {
        var lastWasSpace = written > 0 && destination[written - 1] is ' ' or '\n';
        for (var i = 0; i < line.Length && written < destination.Length; i++)
        {
            var c = line[i];

            // Fast path: ASCII that is neither space, '*', nor the start of a control token maps through a table.
            if (c < 128 && AsciiMap[c] is var mapped and not '\0')
            {
                lastWasSpace = false;
                destination[written++] = mapped;
                continue;
            }

            if (c == '<' && ControlTokenLength(line[i..]) is var control and > 0)
            {
                tags++;
                i += control - 1;
                continue;
            }

            if (c == '[' && InstTokenLength(line[i..]) is var inst and > 0)
            {
                tags++;
                i += inst - 1;
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '*' or '\u200B' or '\uFEFF')
            {
                if (!lastWasSpace && char.IsWhiteSpace(c))
                {
                    destination[written++] = ' ';
                    lastWasSpace = true;
                }

                continue;
            }

            lastWasSpace = false;
            c = ResponseText.NormalizeApostrophe(c);
            destination[written++] = c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToLowerInvariant(c);
        }

        while (written > 0 && destination[written - 1] == ' ')
        {
            written--;
        }

        return written;
    }

    /// <summary>
    /// Length of a speaker tag at the start of <paramref name="line"/>, 0 when there is none. An unbracketed
    /// <c>Name:</c> tag is only recognised first on a line (<paramref name="allowNamed"/>), so "[JAILBREAK] Sure: …"
    /// keeps its "Sure".
    /// </summary>
    internal static int TagLength(ReadOnlySpan<char> line, bool allowNamed = true)
    {
        if (line.IsEmpty)
        {
            return 0;
        }

        if (line[0] == '<' && ControlTokenLength(line) is var control and > 0)
        {
            return control;
        }

        if (line[0] is '[' or '(' or '【' or '<')
        {
            return BracketedTagLength(line);
        }

        if (IsRoleLine(line))
        {
            return line.Length;
        }

        return allowNamed ? NamedTagLength(line) : 0;
    }

    /// <summary><c>[Name]</c>, <c>(Name)</c>, <c>【Name】</c>, optionally followed by <c>:</c>.</summary>
    private static int BracketedTagLength(ReadOnlySpan<char> line)
    {
        var close = line[0] switch { '[' => ']', '(' => ')', '【' => '】', _ => '>' };
        var limit = Math.Min(line.Length, MaxTagLength);
        var end = line[1..limit].IndexOf(close);
        if (end <= 0)
        {
            return 0;
        }

        var inside = line[1..(end + 1)];
        if (!IsNameLike(inside, allowSpaces: 4))
        {
            return 0;
        }

        var length = end + 2;

        // A parenthesised aside at the start of a sentence ("(Note: ...)") is not a tag unless a colon or the line's end follows.
        var rest = line[length..].TrimStart(' ');
        if (line[0] == '(' && !(rest.IsEmpty || rest[0] == ':'))
        {
            return 0;
        }

        if (!rest.IsEmpty && rest[0] == ':')
        {
            length = line.Length - rest.Length + 1;
        }

        return length;
    }

    /// <summary><c>Name:</c> with at most three words before the colon and text (or nothing) after it.</summary>
    private static int NamedTagLength(ReadOnlySpan<char> line)
    {
        var limit = Math.Min(line.Length, MaxTagLength);
        var colon = line[..limit].IndexOf(':');
        if (colon <= 0)
        {
            return 0;
        }

        // "**DAN:**": emphasis closing after the colon belongs to the tag.
        var end = colon + 1;
        while (end < line.Length && line[end] is '*' or '_')
        {
            end++;
        }

        if (end < line.Length && !char.IsWhiteSpace(line[end]))
        {
            return 0;
        }

        var name = line[..colon].TrimEnd('*').TrimEnd();
        if (name.IsEmpty || !IsNameLike(name, allowSpaces: MaxTagWords - 1))
        {
            return 0;
        }

        // "Here is how:" / "Step 1:" end with text on the next line; a tag is followed by text on its own line,
        // or it is a short capitalised name alone ("ChatGPT:").
        var after = line[end..].Trim();
        if (after.IsEmpty && !(char.IsUpper(name[0]) || !char.IsLetter(name[0])))
        {
            return 0;
        }

        if (!char.IsUpper(name[0]) && char.IsLetter(name[0]) && !IsRoleWord(name))
        {
            return 0;
        }

        return end;
    }

    private static bool IsRoleLine(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim().TrimEnd(':').Trim('*').Trim();
        if (trimmed.Length > 2 && trimmed[0] == '[' && trimmed[^1] == ']')
        {
            trimmed = trimmed[1..^1];
        }

        return IsRoleWord(trimmed);
    }

    private static bool IsRoleWord(ReadOnlySpan<char> word)
    {
        foreach (var role in RoleWords)
        {
            if (word.Equals(role, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Names: letters, digits, symbols and emoji, a few joiners, at most <paramref name="allowSpaces"/> spaces; no sentence punctuation.</summary>
    private static bool IsNameLike(ReadOnlySpan<char> name, int allowSpaces)
    {
        if (name.IsEmpty || name.Trim().IsEmpty)
        {
            return false;
        }

        var spaces = 0;
        foreach (var c in name)
        {
            if (c == ' ')
            {
                if (++spaces > allowSpaces)
                {
                    return false;
                }
            }
            else if (c is '.' or ',' or '?' or '!' or ';' or '"' or '\n' or ':')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>&lt;|...|&gt;</c>, <c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c> and similar chat-template tokens.</summary>
    private static int ControlTokenLength(ReadOnlySpan<char> text)
    {
        if (text.Length >= 4 && text[1] == '|')
        {
            var limit = Math.Min(text.Length, MaxTagLength);
            var end = text[2..limit].IndexOf("|>");
            return end < 0 ? 0 : end + 4;
        }

        if (text.StartsWith("<s>", StringComparison.Ordinal))
        {
            return 3;
        }

        return text.StartsWith("</s>", StringComparison.Ordinal) ? 4 : 0;
    }

    /// <summary><c>[INST]</c>, <c>[/INST]</c>.</summary>
    private static int InstTokenLength(ReadOnlySpan<char> text) =>
        text.StartsWith("[INST]", StringComparison.Ordinal) ? 6 : text.StartsWith("[/INST]", StringComparison.Ordinal) ? 7 : 0;
}
