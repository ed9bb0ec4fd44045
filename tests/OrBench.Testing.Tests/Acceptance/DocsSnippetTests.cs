using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace OrBench.Testing.Tests.Acceptance;

/// <summary>
/// Every C# block in README.md and docs/*.md must be compiled code: its lines must appear, in order and contiguous,
/// in a .cs file under samples/ (which the build compiles). A snippet that drifts from the API fails here. Blocks
/// marked <c>&lt;!-- quickstart: … --&gt;</c> are complete files compiled on their own by .ci/quickstarts.py instead.
/// </summary>
public sealed partial class DocsSnippetTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in MarkdownFiles())
        {
            var count = CSharpBlocks(File.ReadAllText(file)).Count;
            for (var i = 0; i < count; i++)
            {
                data.Add(Path.GetRelativePath(Root, file), i);
            }
        }

        return data;
    }

    [Fact]
    public void The_docs_contain_csharp_snippets() =>
        Snippets().Should().NotBeEmpty("the README's quick start is a C# snippet");

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_is_compiled_sample_code(string markdownFile, int index)
    {
        var block = CSharpBlocks(File.ReadAllText(Path.Combine(Root, markdownFile)))[index];
        var snippet = Normalise(block);
        var sources = Directory.EnumerateFiles(Path.Combine(Root, "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: f, Text: Normalise(File.ReadAllText(f))));

        sources.Should().Contain(
            s => s.Text.Contains(snippet, StringComparison.Ordinal),
            "C# block {0} of {1} must be copied from compiled code under samples/ so it cannot drift from the API:\n{2}",
            index,
            markdownFile,
            block);
    }

    private static IEnumerable<string> MarkdownFiles() =>
        new[] { Path.Combine(Root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);

    private static List<string> CSharpBlocks(string markdown) =>
        [.. CSharpBlock().Matches(markdown).Select(m => m.Groups["code"].Value)];

    // Compare line by line, ignoring indentation and blank lines, so a snippet may be dedented from a class body.
    private static string Normalise(string code) =>
        "\n" + string.Join('\n', code.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)) + "\n";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrBench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrBench.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?<!<!-- quickstart: [\w-]+ -->[ \t]*\n)^```(?:csharp|cs|c#)[ \t]*\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
