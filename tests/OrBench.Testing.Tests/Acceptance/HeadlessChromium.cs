using System.Diagnostics;
using System.Text;
using OrBench.Testing.Tests.Reporting;

namespace OrBench.Testing.Tests.Acceptance;

/// <summary>Drives Debian's chromium in headless mode with its own flags (--dump-dom, --screenshot), with a hard time limit.</summary>
internal static class HeadlessChromium
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("ORBENCH_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
    }

    /// <summary>Runs chromium on <paramref name="url"/> with the extra arguments; returns stdout. Kills the whole process tree after <see cref="Limit"/>.</summary>
    public static async Task<string> RunAsync(string url, params string[] extra)
    {
        var binary = Find() ?? throw new InvalidOperationException("No chromium binary.");
        var profile = Directory.CreateTempSubdirectory("orbench-chromium-");
        try
        {
            var start = new ProcessStartInfo(binary)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", $"--user-data-dir={profile.FullName}",
            }.Concat(extra).Append(url))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within {Limit.TotalSeconds} s; stderr: {Tail(await stderr)}");
            }

            var output = await stdout;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"chromium exited with {process.ExitCode}; stderr: {Tail(await stderr)}");
            }

            return output;
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // chromium may still hold a lock file for a moment; the temp dir is cleaned by the OS.
            }
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

    /// <summary>The test results directory of this project (tests/OrBench.Testing.Tests/TestResults), created on demand.</summary>
    public static string ArtifactsDirectory([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var configured = Environment.GetEnvironmentVariable("ORBENCH_TEST_ARTIFACTS");
        var directory = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(source))!, "TestResults", "report-browser");
        Directory.CreateDirectory(directory);
        return directory;
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
