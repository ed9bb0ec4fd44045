using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using OrBench.Testing.Data;
using OrBench.Testing.Middleware;

namespace OrBench.Testing.Running;

/// <summary>
/// Sends a prompt set through an <see cref="IChatClient"/> under the paper's protocol (the Run stage). Knows nothing
/// of verdicts. Cross-cutting concerns (cache, retry, rate limits) belong in the client's middleware
/// (<see cref="OrBenchChatClientBuilderExtensions"/>); the runner only bounds concurrency, applies the per-prompt
/// timeout, reports progress and guarantees exactly one outcome per prompt and repeat.
/// </summary>
public sealed class PromptRunner
{
    /// <summary>Creates a runner over a client that already carries its middleware (cache, retry, rate limit).</summary>
    public PromptRunner(IChatClient client, RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
        Options = options ?? new RunOptions();
    }

    /// <summary>The client prompts are sent through.</summary>
    public IChatClient Client { get; }

    /// <summary>The protocol options.</summary>
    public RunOptions Options { get; }

    /// <summary>The clock used for wall time, latency and ETA; tests may replace it.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Sends every prompt (× repeats), at most <see cref="RunOptions.MaxConcurrency"/> at once, and returns exactly one
    /// outcome for each, in set order then repeat. A failure after the client's retries is an
    /// <see cref="OutcomeKind.Error"/> outcome, never a dropped prompt. Cancelling returns promptly with
    /// <see cref="RunResult.Cancelled"/> set and only the outcomes that finished.
    /// </summary>
    /// <exception cref="ReplayMissException">A replay-only cache had no response for some prompts; names them all.</exception>
    /// <exception cref="ResponseCacheException">The response cache failed; the run stops at the first such failure.</exception>
    /// <exception cref="EndpointUnavailableException">A <see cref="CircuitBreakingChatClient"/> in the client gave up on the endpoint; the run stops.</exception>
    public async Task<RunResult> RunAsync(PromptSet prompts, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        Validate(Options);
        var repeats = Options.Repeats;
        var total = checked(prompts.Count * repeats);
        var outcomes = new PromptOutcome?[total];
        var misses = new ConcurrentBag<int>();
        var startedAt = TimeProvider.GetUtcNow();
        var started = TimeProvider.GetTimestamp();
        var tracker = new ProgressTracker(total, progress, TimeProvider);
        var cancelled = false;

        await using (var budget = RequestBudget.PerMinute(Options.RequestsPerMinute, Options.TokensPerMinute))
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxConcurrency, CancellationToken = cancellationToken };
            try
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, total), parallel, async (index, token) =>
                {
                    var prompt = prompts[index / repeats];
                    var (outcome, missed) = await SendAsync(prompt, index % repeats, budget, token);
                    outcomes[index] = outcome;
                    if (missed)
                    {
                        misses.Add(index);
                    }

                    tracker.Completed(outcome);
                });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
            }
        }

        if (!misses.IsEmpty)
        {
            var ids = misses.Order().Select(i => prompts[i / repeats].Id).Distinct().ToList();
            var shown = string.Join(", ", ids.Take(20)) + (ids.Count > 20 ? $", … ({ids.Count - 20} more)" : string.Empty);
            throw new ReplayMissException(
                $"Replay-only run of '{prompts.Name}': no recorded response for {ids.Count} prompt(s): {shown}. " +
                "Record them once with a model (cache mode ReadWrite), then replay.")
            { PromptIds = ids };
        }

        return new RunResult
        {
            Model = Options.ChatOptions?.ModelId
                ?? Client.GetService<ChatClientMetadata>()?.DefaultModelId
                ?? outcomes.FirstOrDefault(o => o?.ModelId is not null)?.ModelId,
            Prompts = prompts,
            Outcomes = [.. outcomes.OfType<PromptOutcome>()],
            Options = Options,
            StartedAt = startedAt,
            WallTime = TimeProvider.GetElapsedTime(started),
            Cancelled = cancelled,
        };
    }

    private async Task<(PromptOutcome Outcome, bool Missed)> SendAsync(OrBenchPrompt prompt, int repeat, RequestBudget? budget, CancellationToken runToken)
    {
        var messages = RunProtocol.CreateMessages(prompt, Options);
        var chatOptions = RunProtocol.CreateChatOptions(Options, repeat);
        // Waiting for a rate-limit permit is not part of the request: the timeout starts once the budget allows it.
        var estimate = budget is null ? 0 : await budget.AcquireAsync(messages, runToken);
        var started = TimeProvider.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        if (Options.RequestTimeout is { } limit)
        {
            timeout.CancelAfter(limit);
            RequestDeadline.Current = TimeProvider.GetUtcNow() + limit;
        }

        try
        {
            var response = await Client.GetResponseAsync(messages, chatOptions, timeout.Token);
            var latency = TimeProvider.GetElapsedTime(started);
            budget?.Settle(estimate, response);

            return (OutcomeFactory.FromResponse(prompt.Id, repeat, response, latency), false);
        }
        catch (OperationCanceledException) when (runToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ReplayMissException ex)
        {
            return (OutcomeFactory.FromException(prompt.Id, repeat, ex, TimeProvider.GetElapsedTime(started)), true);
        }
        catch (ResponseCacheException)
        {
            // The cache is broken, not the model: recording every prompt as an error would blame the model.
            throw;
        }
        catch (EndpointUnavailableException)
        {
            // The endpoint refused the connection or the credentials again and again: every later prompt would fail the
            // same way, so the run stops here, naming the endpoint, instead of recording a run of errors.
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var latency = TimeProvider.GetElapsedTime(started);
            return (OutcomeFactory.FromException(prompt.Id, repeat, new TimeoutException($"No response within the request timeout of {Options.RequestTimeout}."), latency), false);
        }
#pragma warning disable CA1031 // Every other failure must become an Error outcome: a prompt is never dropped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (runToken.IsCancellationRequested)
            {
                // A client that wraps the aborted request in its own exception: still a cancelled prompt, not a
                // failed one (an Error outcome would count as a refusal in the gates).
                throw new OperationCanceledException("The run was cancelled.", ex, runToken);
            }

            return (OutcomeFactory.FromException(prompt.Id, repeat, ex, TimeProvider.GetElapsedTime(started)), false);
        }
    }

    private static void Validate(RunOptions options)
    {
        if (options.MaxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxConcurrency, "RunOptions.MaxConcurrency must be at least 1.");
        }

        if (options.Repeats < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Repeats, "RunOptions.Repeats must be at least 1.");
        }

        if (options.MaxOutputTokens < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxOutputTokens, "RunOptions.MaxOutputTokens must be at least 1.");
        }

        if (options.RequestTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), timeout, "RunOptions.RequestTimeout must be positive.");
        }
    }

    private sealed class ProgressTracker(int total, IProgress<RunProgress>? progress, TimeProvider time)
    {
        private readonly Lock _gate = new();
        private readonly long _started = time.GetTimestamp();
        private int _done;
        private int _errors;

        public void Completed(PromptOutcome outcome)
        {
            lock (_gate)
            {
                _done++;
                if (outcome.Kind == OutcomeKind.Error)
                {
                    _errors++;
                }

                if (progress is null)
                {
                    return;
                }

                var elapsed = time.GetElapsedTime(_started);
                TimeSpan? eta = _done >= total ? TimeSpan.Zero : elapsed.Ticks > 0 ? elapsed / _done * (total - _done) : null;
                progress.Report(new RunProgress(_done, total, _errors, eta));
            }
        }
    }
}
