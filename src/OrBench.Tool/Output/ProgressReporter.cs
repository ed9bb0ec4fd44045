using System.Globalization;
using OrBench.Tool.Cli;
using Spectre.Console;

namespace OrBench.Tool.Output;

/// <summary>
/// Shows the progress of a long operation: a Spectre.Console bar on a terminal, otherwise one plain line on stderr
/// at every tenth of the work (so CI logs show progress without thousands of lines).
/// </summary>
internal static class ProgressReporter
{
    /// <summary>Runs <paramref name="work"/>, giving it a callback <c>(done, total, errors)</c> to report through.</summary>
    public static async Task<T> RunAsync<T>(ToolConsole console, string label, Func<Action<int, int, int>, Task<T>> work)
    {
        if (!console.IsTerminal)
        {
            var lastDecile = -1;
            var gate = new Lock();
            return await work((done, total, errors) =>
            {
                var decile = total == 0 ? 10 : done * 10 / total;
                lock (gate)
                {
                    if (decile <= lastDecile)
                    {
                        return;
                    }

                    lastDecile = decile;
                }

                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {done}/{total} done, {errors} errors"));
            });
        }

        return await Terminal.For(console).Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), autoStart: true, maxValue: 1);
                var result = await work((done, total, errors) =>
                {
                    task.MaxValue = Math.Max(total, 1);
                    task.Value = done;
                    task.Description = Markup.Escape(errors == 0 ? label : string.Create(CultureInfo.InvariantCulture, $"{label} ({errors} errors)"));
                });
                task.Value = task.MaxValue;
                return result;
            });
    }
}
