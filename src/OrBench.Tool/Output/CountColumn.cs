using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrBench.Tool.Output;

/// <summary>The progress bar's <c>done/total</c> column (Spectre.Console has a percentage column but none for counts).</summary>
internal sealed class CountColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new Text(string.Create(CultureInfo.InvariantCulture, $"{(long)task.Value:N0}/{(long)task.MaxValue:N0}"));
    }
}
