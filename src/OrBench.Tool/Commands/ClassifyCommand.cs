using System.CommandLine;
using System.Globalization;
using OrBench.Testing.Classification;
using OrBench.Testing.Classification.Cascading;
using OrBench.Testing.Classification.Csv;
using OrBench.Tool.Cli;
using OrBench.Tool.Composition;
using OrBench.Tool.Output;

namespace OrBench.Tool.Commands;

/// <summary>
/// <c>orbench classify</c>: adds <c>verdict</c>, <c>refused</c>, <c>confidence</c> and <c>classifier</c> columns to a CSV of
/// prompts and responses (the reference OR-Bench checker's input), keeping every other column in order, streaming (memory
/// does not grow with the file) and neutralising cells that would run as spreadsheet formulas unless <c>--raw-csv</c>.
/// </summary>
internal static class ClassifyCommand
{
    public static Command Create(ToolConsole console)
    {
        var input = new Option<string>("--input", "-i") { HelpName = "FILE.csv", Description = "CSV with at least prompt and response columns (quoted multi-line fields are fine).", Required = true };
        var output = new Option<string>("--output", "-o", "--out") { HelpName = "FILE.csv", Description = "CSV to write: the input columns plus verdict, refused, confidence and classifier.", Required = true };
        var rawCsv = new Option<bool>("--raw-csv") { Description = "Write cells as they are. By default a cell starting with =, +, -, @, tab or CR gets a leading ' so a response cannot run as a spreadsheet formula (OWASP)." };
        var concurrency = new Option<int>("--concurrency") { HelpName = "C", Description = "Classifier calls in flight, spread over the cores (matters most for judge and cascade).", DefaultValueFactory = _ => 4 }.AtLeast(1);
        var judge = new JudgeOptions();
        var format = SharedOptions.Format(OutputFormat.Text, OutputFormat.Json);
        var command = new Command("classify", "Classify the responses of a CSV file (prompt,response,...) and write it back with verdict, refused, confidence and classifier columns.")
        {
            input, output, concurrency, rawCsv, format,
        };
        judge.AddTo(command);
        command.SetToolAction(console, async (parseResult, cancellationToken) =>
        {
            var inputArgument = parseResult.GetRequiredValue(input);
            var outputArgument = parseResult.GetRequiredValue(output);
            var inputPath = console.FullPath(inputArgument);
            var outputPath = console.FullPath(outputArgument);
            if (Directory.Exists(inputPath))
            {
                throw new UsageException($"--input '{inputArgument}' is a directory, not a CSV file");
            }

            if (!File.Exists(inputPath))
            {
                throw new UsageException($"--input '{inputArgument}' does not exist");
            }

            if (string.Equals(inputPath, outputPath, StringComparison.Ordinal))
            {
                throw new UsageException("--output must differ from --input (the input is read while the output is written)");
            }

            if (Directory.Exists(outputPath))
            {
                throw new UsageException($"--output '{outputArgument}' is a directory; give the name of the CSV file to write");
            }

            CheckReadable(inputPath, inputArgument);
            using var classifiers = Classifiers.Create(judge.Bind(parseResult), console);
            ResponseCsvSummary summary;
            try
            {
                summary = await new ResponseCsvClassifier(classifiers.Classifier, parseResult.GetValue(concurrency)) { NeutralizeCells = !parseResult.GetValue(rawCsv) }
                    .ClassifyFileAsync(inputPath, outputPath, cancellationToken);
            }
            catch (ResponseCsvException e)
            {
                throw new ToolFailureException(e.Message);
            }
            catch (Exception e) when (JudgeUnavailableException.In(e) is { } judgeDown)
            {
                throw new ToolFailureException(judgeDown.Message, e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The input was readable a moment ago, so what failed is writing the output (its temp file or the rename).
                throw new ToolFailureException($"--output '{outputArgument}' cannot be written: {e.Message}", e);
            }

            var counts = string.Join(", ", summary.Counts.Where(c => c.Value > 0).OrderBy(c => c.Key).Select(c => $"{c.Key.ToWireName()} {c.Value.ToString(CultureInfo.InvariantCulture)}"));
            var judgeCalls = ClassifyJson.JudgeCalls(classifiers.Classifier) is var (calls, failed)
                ? string.Create(CultureInfo.InvariantCulture, $"; judge calls: {calls} ({failed} failed)")
                : string.Empty;
            if (SharedOptions.FormatOf(parseResult, format) == OutputFormat.Json)
            {
                await ClassifyJson.WriteAsync(console, summary, classifiers.Classifier, outputPath);
                return ExitCodes.Success;
            }

            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Rows} rows classified by {classifiers.Classifier.Name}: {summary.Refusals} refused ({counts}){judgeCalls}; wrote {Path.GetRelativePath(console.WorkingDirectory, outputPath)}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void CheckReadable(string path, string argument)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolFailureException($"--input '{argument}' cannot be read: {e.Message}", e);
        }
    }
}
