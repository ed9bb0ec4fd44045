using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace OrBench.Tool.Cli;

/// <summary>Range and shape checks attached to options, so a bad value is a parse error (exit code 2) before anything runs.</summary>
internal static class OptionValidation
{
    /// <summary>Rejects values below <paramref name="minimum"/>.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (TryGetValue<int>(result, out var value) && value < minimum)
            {
                result.AddError($"{option.Name} must be at least {minimum.ToString(CultureInfo.InvariantCulture)}, but was {value.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
        return option;
    }

    /// <summary>Rejects values below <paramref name="minimum"/> when the option is given.</summary>
    public static Option<int?> AtLeast(this Option<int?> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (TryGetValue<int?>(result, out var parsed) && parsed is { } value && value < minimum)
            {
                result.AddError($"{option.Name} must be at least {minimum.ToString(CultureInfo.InvariantCulture)}, but was {value.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
        return option;
    }

    /// <summary>Rejects values outside the open interval (0, 1), e.g. confidence levels.</summary>
    public static Option<double> StrictlyBetweenZeroAndOne(this Option<double> option)
    {
        option.Validators.Add(result =>
        {
            if (TryGetValue<double>(result, out var value) && (value is <= 0 or >= 1 || double.IsNaN(value)))
            {
                result.AddError($"{option.Name} must lie strictly between 0 and 1, but was {value.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
        return option;
    }

    /// <summary>Rejects rates outside [0, 1] when the option is given.</summary>
    public static Option<double?> Rate(this Option<double?> option)
    {
        option.Validators.Add(result =>
        {
            if (TryGetValue<double?>(result, out var parsed) && parsed is { } value && (value is < 0 or > 1 || double.IsNaN(value)))
            {
                result.AddError($"{option.Name} is a rate between 0 and 1 (0.10 = 10 %), but was {value.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
        return option;
    }

    /// <summary>Rejects anything but an absolute http(s) URL.</summary>
    public static Option<string?> HttpUrl(this Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !IsHttpUrl(value))
            {
                result.AddError($"{option.Name} must be an absolute http:// or https:// URL, but was '{value}'.");
            }
        });
        return option;
    }

    /// <summary>Rejects any URL of the list that is not an absolute http(s) URL.</summary>
    public static Option<string[]> HttpUrls(this Option<string[]> option)
    {
        option.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!IsHttpUrl(value))
                {
                    result.AddError($"{option.Name} must be an absolute http:// or https:// URL, but was '{value}'.");
                    return;
                }
            }
        });
        return option;
    }

    /// <summary>
    /// Reads the option's value for a validator. System.CommandLine runs validators even when the value could not be
    /// converted (a word given to a number option) and then throws from <c>GetValueOrDefault</c>; the parser has already
    /// recorded that conversion error, so the validator has nothing to add and must not crash the tool.
    /// </summary>
    private static bool TryGetValue<T>(OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    /// <summary>True for an absolute http or https URL.</summary>
    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// Adds a cross-option check (for example "--endpoint is required unless --responses"). Checks run after parsing,
    /// once every option's own validation passed, just before the command's action; a message ends the command with
    /// exit code 2. (System.CommandLine's command validators run before option validators and hide their errors.)
    /// </summary>
    public static void AddCheck(this Command command, Func<ParseResult, string?> check)
    {
        if (!Checks.TryGetValue(command, out var list))
        {
            list = [];
            Checks.Add(command, list);
        }

        list.Add(check);
    }

    /// <summary>Runs the checks of <paramref name="command"/>; throws a <see cref="UsageException"/> with the first failure.</summary>
    public static void RunChecks(this Command command, ParseResult parseResult)
    {
        if (!Checks.TryGetValue(command, out var list))
        {
            return;
        }

        foreach (var check in list)
        {
            if (check(parseResult) is { } message)
            {
                throw new UsageException(message);
            }
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Command, List<Func<ParseResult, string?>>> Checks = [];
}
