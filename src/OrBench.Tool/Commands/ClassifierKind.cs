namespace OrBench.Tool.Commands;

/// <summary>The <c>--classifier</c> values: which Verdict-stage classifier decides refusals.</summary>
internal enum ClassifierKind
{
    /// <summary><c>keyword</c>: the default keyword set; instant, no model call, the least accurate.</summary>
    Keyword,

    /// <summary><c>offline</c> (default): the offline classifier; no model call.</summary>
    Offline,

    /// <summary><c>judge</c>: an LLM judge at <c>--judge-endpoint</c> decides every response.</summary>
    Judge,

    /// <summary><c>cascade</c>: offline first, the judge only when the offline classifier is unsure.</summary>
    Cascade,
}
