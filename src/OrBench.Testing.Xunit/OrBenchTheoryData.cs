using OrBench.Testing.Data;
using Xunit;

using OrBench.Testing.Gates;

namespace OrBench.Testing.Xunit;

/// <summary>Turns prompts into xUnit <see cref="TheoryData{T}"/> for use with <c>[MemberData]</c>, one serialisable case per prompt.</summary>
public static class OrBenchTheoryData
{
    /// <summary>One <see cref="OrBenchCase"/> row per prompt, in set order.</summary>
    public static TheoryData<OrBenchCase> From(IEnumerable<OrBenchPrompt> prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var data = new TheoryData<OrBenchCase>();
        foreach (var prompt in prompts)
        {
            data.Add(new OrBenchCase(prompt));
        }

        return data;
    }
}
