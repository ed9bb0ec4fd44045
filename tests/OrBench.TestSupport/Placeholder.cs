namespace OrBench.TestSupport;

internal static class Placeholder;
