using System.Globalization;
using OrBench.Tool.Cli;
using Spectre.Console;

namespace OrBench.Tool.Output;

/// <summary>
/// Shows the progress of a long operation: a Spectre.Console bar with done/total, percentage and the remaining time on a
/// terminal, otherwise one plain line on stderr at every tenth of the work (<c>label: 30/300 done (10 %), 0 errors,
/// about 4m 30s left</c>), so CI logs show progress without thousands of lines. Nothing with <c>--no-progress</c>.
/// </summary>
internal static class ProgressReporter
{
    /// <summary>
    /// Runs <paramref name="work"/>, giving it a callback <c>(done, total, errors)</c> to report through. The bar shows
    /// <c>0/<paramref name="total"/></c> from its first frame; when the total is not known before the work reports it
    /// (null), the bar is indeterminate and shows no count until then, never a made-up <c>0/1</c>.
    /// </summary>
    public static async Task<T> RunAsync<T>(ToolConsole console, string label, int? total, Func<Action<int, int, int>, Task<T>> work)
    {
        if (!console.ShowProgress)
        {
            return await work(static (_, _, _) => { });
        }

        if (!console.IsTerminal)
        {
            var lines = new PlainProgressLines(console, label);
            return await work(lines.Report);
        }

        return await Terminal.For(console).Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new CountColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), autoStart: true, maxValue: Math.Max(total ?? 1, 1));
                task.IsIndeterminate = total is null;
                var result = await work((done, reported, errors) =>
                {
                    task.IsIndeterminate = false;
                    task.MaxValue = Math.Max(reported, 1);
                    task.Value = done;
                    task.Description = Markup.Escape(errors == 0 ? label : string.Create(CultureInfo.InvariantCulture, $"{label} ({errors} errors)"));
                });
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>Remaining time as CI lines show it: <c>45s</c>, <c>4m 30s</c>, <c>2h 05m</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Ceiling(Math.Max(0, span.TotalSeconds));
        return seconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds}s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m {seconds % 60:00}s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}h {seconds / 60 % 60:00}m"),
        };
    }

    /// <summary>The plain form: a line at every tenth, with the remaining time extrapolated from the elapsed time.</summary>
    private sealed class PlainProgressLines(ToolConsole console, string label)
    {
        private readonly Lock _gate = new();
        private readonly long _start = console.Clock.GetTimestamp();
        private int _lastDecile = -1;

        public void Report(int done, int total, int errors)
        {
            var decile = total == 0 ? 10 : done * 10 / total;
            lock (_gate)
            {
                if (decile <= _lastDecile)
                {
                    return;
                }

                _lastDecile = decile;
            }

            var elapsed = console.Clock.GetElapsedTime(_start);
            var percent = total == 0 ? 100 : done * 100 / total;
            var eta = done == 0 || total == 0 ? "time left unknown"
                : done >= total ? "done in " + Duration(elapsed)
                : "about " + Duration(elapsed * ((double)(total - done) / done)) + " left";
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {done}/{total} done ({percent} %), {errors} errors, {eta}"));
        }
    }
}
