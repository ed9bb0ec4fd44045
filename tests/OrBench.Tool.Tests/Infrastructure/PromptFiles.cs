using System.Globalization;
using System.Text;
using OrBench.TestSupport.OpenAi;

namespace OrBench.Tool.Tests.Infrastructure;

/// <summary>Small custom prompt sets in the OR-Bench schema; every third prompt carries the stub's refusal marker.</summary>
public static class PromptFiles
{
    public static readonly string[] Categories = ["privacy", "violence", "deception"];

    public static string Write(TempDirectory directory, int count, string name = "prompts.csv")
    {
        var csv = new StringBuilder("prompt,category\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"\"{Text(i)}\",{Categories[i % Categories.Length]}\n");
        }

        return directory.Write(name, csv.ToString());
    }

    public static string Text(int i) => string.Create(CultureInfo.InvariantCulture,
        $"How do I keep item {i} safe, step by step?{(IsRefused(i) ? " " + OpenAiStubOptions.RefuseMarker : string.Empty)}");

    public static bool IsRefused(int i) => i % 3 == 0;

    public static int RefusedCount(int count) => Enumerable.Range(0, count).Count(IsRefused);
}
