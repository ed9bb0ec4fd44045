using System.Collections;
using System.Reflection;
using OrBench.Testing.Data;
using Xunit.Sdk;

using OrBench.Testing.Gates;

namespace OrBench.Testing.Xunit;

/// <summary>
/// Supplies one theory case per prompt of a custom prompt set exposed by a static property, field or parameterless
/// method returning a <see cref="PromptSet"/> or <c>IEnumerable&lt;OrBenchPrompt&gt;</c> — a team's own prompts, a
/// file it loads itself, or a generated set. Same selection properties as <see cref="OrBenchDataAttribute"/>.
/// </summary>
/// <example><code>
/// public static PromptSet MedicalPrompts => LoadMyPrompts();
///
/// [Theory, OrBenchMemberData(nameof(MedicalPrompts))]
/// public async Task Answers_medical_questions(OrBenchCase prompt) => (await client.AskAsync(prompt)).Should().NotBeRefusal();
/// </code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OrBenchMemberDataAttribute : DataAttribute
{
    /// <summary>Names the static member that returns the prompts.</summary>
    public OrBenchMemberDataAttribute(string memberName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberName);
        MemberName = memberName;
    }

    /// <summary>The member's name.</summary>
    public string MemberName { get; }

    /// <summary>The type declaring the member; defaults to the test class.</summary>
    public Type? MemberType { get; set; }

    /// <summary>Only this category (or a comma-separated list).</summary>
    public string? Category { get; set; }

    /// <summary>A seeded, category-stratified sample of this many prompts; 0 (the default) takes all.</summary>
    public int Sample { get; set; }

    /// <summary>The sample's seed.</summary>
    public int Seed { get; set; }

    /// <summary>Only shard <c>k/n</c>; unset reads <c>ORBENCH_SHARD</c>.</summary>
    public string? Shard { get; set; }

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var type = MemberType ?? testMethod.ReflectedType ?? testMethod.DeclaringType!;
        const BindingFlags flags = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.FlattenHierarchy;
        object? value = type.GetProperty(MemberName, flags) is { } property ? property.GetValue(null)
            : type.GetField(MemberName, flags) is { } field ? field.GetValue(null)
            : type.GetMethod(MemberName, flags, Type.EmptyTypes) is { } method ? method.Invoke(null, null)
            : throw new ArgumentException($"{type.FullName} has no static property, field or parameterless method named '{MemberName}' for [OrBenchMemberData].");

        if (value is Task task)
        {
            task.GetAwaiter().GetResult();
            value = task.GetType().GetProperty("Result")?.GetValue(task);
        }

        var prompts = value switch
        {
            PromptSet set => set,
            IEnumerable<OrBenchPrompt> list => new PromptSet($"{type.Name}.{MemberName}", OrBenchSubset.Custom, list),
            IEnumerable other => new PromptSet($"{type.Name}.{MemberName}", OrBenchSubset.Custom, other.Cast<object>().Select(o => o as OrBenchPrompt ?? (o as OrBenchCase)?.Prompt
                ?? throw new ArgumentException($"{type.FullName}.{MemberName} yielded a {o?.GetType().Name ?? "null"}; expected OrBenchPrompt."))),
            _ => throw new ArgumentException($"{type.FullName}.{MemberName} returned {value?.GetType().Name ?? "null"}; expected a PromptSet or IEnumerable<OrBenchPrompt>."),
        };

        return OrBenchDataRows.For(prompts, testMethod, Category, Sample, Seed, Shard);
    }
}
