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
            var value = result.GetValueOrDefault<int>();
            if (value < minimum)
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
            if (result.GetValueOrDefault<int?>() is { } value && value < minimum)
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
            var value = result.GetValueOrDefault<double>();
            if (value is <= 0 or >= 1 || double.IsNaN(value))
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
            if (result.GetValueOrDefault<double?>() is { } value && (value is < 0 or > 1 || double.IsNaN(value)))
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

    /// <summary>True for an absolute http or https URL.</summary>
    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// Adds a cross-option check that runs only when every option parsed: reading an option whose own value is invalid
    /// throws, and that option's own error is the one worth reporting.
    /// </summary>
    public static void AddCheck(this Command command, Action<CommandResult> check)
    {
        command.Validators.Add(result =>
        {
            if (result.Children.Any(child => child is OptionResult { Errors: var errors } && errors.Any()))
            {
                return;
            }

            try
            {
                check(result);
            }
            catch (InvalidOperationException)
            {
                // An option's value failed to parse; its own error is already reported.
            }
        });
    }
}
