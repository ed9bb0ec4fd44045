namespace OrBench.Testing.Data;

/// <summary>What is wrong with a prompt file, so callers can react to a problem without parsing the message.</summary>
public enum PromptFileProblem
{
    /// <summary>The header has no <c>prompt</c> column (CSV), or a JSON line has no <c>prompt</c> string.</summary>
    MissingPromptColumn,

    /// <summary>The header has no <c>category</c> column (CSV), or a JSON line has no <c>category</c> string.</summary>
    MissingCategoryColumn,

    /// <summary>A prompt is empty or only white space.</summary>
    EmptyPrompt,

    /// <summary>A category is empty or only white space.</summary>
    EmptyCategory,

    /// <summary>The bytes are not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>A quoted field is never closed before the end of the file.</summary>
    UnterminatedQuote,

    /// <summary>A quoted field has a stray quote (quotes inside quoted fields must be doubled).</summary>
    MalformedQuote,

    /// <summary>A row has fewer columns than the header.</summary>
    MissingColumns,

    /// <summary>A JSON line is not a JSON object.</summary>
    InvalidJson,

    /// <summary>The file holds no prompts at all.</summary>
    NoPrompts,

    /// <summary>The header names <c>prompt</c> or <c>category</c> twice, so which column holds the prompt is a guess.</summary>
    DuplicateColumn,

    /// <summary>
    /// A row has more fields than the header, usually a prompt with an unquoted comma: reading it anyway would send a
    /// cut prompt and invent a category, so it is refused like a short row.
    /// </summary>
    ExtraColumns,

    /// <summary>A text holds something that is not valid Unicode text, such as a lone UTF-16 surrogate in a JSON string.</summary>
    InvalidText,
}
