using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrBench.Tool.Output;

/// <summary>The progress bar's <c>done/total</c> column (Spectre.Console has a percentage column but none for counts); nothing but an ellipsis while the total is unknown.</summary>
internal sealed class CountColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        // An indeterminate task has no total yet: a count would claim one (the 0/1 flash before the real total).
        return new Text(task.IsIndeterminate ? "…" : string.Create(CultureInfo.InvariantCulture, $"{(long)task.Value:N0}/{(long)task.MaxValue:N0}"));
    }
}
