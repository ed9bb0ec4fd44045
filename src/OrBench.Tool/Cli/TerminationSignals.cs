using System.Runtime.InteropServices;

namespace OrBench.Tool.Cli;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM (a cancelled CI job) into a cancelled <see cref="Token"/>, so the command
/// stops sending, keeps what finished in the cache, writes nothing half-done and ends with its one-line reason and exit
/// code 1. Without it the runtime killed the process on the spot: exit code 130 or 143 and no message. A second signal
/// is left to the runtime, so a command that does not stop can still be killed.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;

    public TerminationSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first termination signal.</summary>
    public CancellationToken Token => _cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_cancellation.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        _cancellation.Cancel();
    }
}
