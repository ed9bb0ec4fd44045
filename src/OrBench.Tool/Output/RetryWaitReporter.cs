using System.Diagnostics;
using System.Globalization;
using OrBench.Testing.Middleware;
using OrBench.Tool.Cli;

namespace OrBench.Tool.Output;

/// <summary>
/// Says on stderr that a run is waiting before a retry, and why (<c>waiting 20 s before attempt 2 of 5: HTTP 429 …,
/// as the server asked</c>), so a quiet progress line is never mistaken for a hang. Prints the first wait, then at most
/// one line every <see cref="Interval"/>, so a throttled run of thousands of prompts does not flood the log.
/// </summary>
internal sealed class RetryWaitReporter(ToolConsole console, string command)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private long? _lastPrinted;
    private int _suppressed;

    public void Report(RetryWait wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        string line;
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (_lastPrinted is { } last && Stopwatch.GetElapsedTime(last, now) < Interval)
            {
                _suppressed++;
                return;
            }

            var more = _suppressed > 0 ? $" (and {_suppressed} other wait(s) since the last line)" : string.Empty;
            line = $"{command}: waiting {Seconds(wait.Delay)} before attempt {wait.NextAttempt} of {wait.MaxAttempts}: {wait.Reason}" +
                   (wait.ServerAsked ? ", as the server asked (Retry-After)" : ", backing off") + more;
            _lastPrinted = now;
            _suppressed = 0;
        }

        console.Error.WriteLine(line);
    }

    private static string Seconds(TimeSpan delay) => delay.TotalSeconds.ToString(delay.TotalSeconds >= 10 ? "0" : "0.0##", CultureInfo.InvariantCulture) + " s";
}
