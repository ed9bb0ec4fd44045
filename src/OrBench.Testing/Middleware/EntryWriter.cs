using System.Collections.Concurrent;
using System.Threading.Channels;

namespace OrBench.Testing.Middleware;

/// <summary>
/// The background writers of <see cref="FileDistributedCache"/>, shared by every instance in the process: a few
/// dedicated threads, each with a bounded queue, that make entries durable (temporary file, flush to disk, rename)
/// while the request that produced them carries on. An entry's path always goes to the same thread, so two writes of
/// one key land in the order they were made. Until an entry is on disk, <see cref="TryGetPending"/> serves it, so a
/// reader in this process never misses a write it has already made.
/// </summary>
/// <remarks>
/// Why threads and not the thread pool: the work is blocking I/O (an fsync takes milliseconds), which would starve the
/// pool threads the runner's requests need. Why bounded: a slow disk slows the run down instead of growing memory.
/// Queued entries are written when the process exits normally (<see cref="AppDomain.ProcessExit"/>); a killed
/// process loses the entries still queued, never leaves a partial one.
/// </remarks>
internal static class EntryWriter
{
    /// <summary>Entries waiting per thread before a writer waits for room.</summary>
    public const int QueueCapacity = 128;

    private static readonly int ThreadCount = Math.Clamp(Environment.ProcessorCount * 2, 2, 8);
    private static readonly ConcurrentDictionary<string, Item> Pending = new(StringComparer.Ordinal);
    private static readonly Lazy<Channel<Item>[]> Queues = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The value queued for <paramref name="path"/> and not yet on disk, if any.</summary>
    public static bool TryGetPending(string path, out byte[] value)
    {
        if (Pending.TryGetValue(path, out var item))
        {
            value = item.Value;
            return true;
        }

        value = [];
        return false;
    }

    /// <summary>Queues an entry; completes once it is queued (waiting only when that thread's queue is full).</summary>
    public static ValueTask EnqueueAsync(string path, byte[] value, Action<string, byte[]> write, Action<Exception> fault, CancellationToken cancellationToken)
    {
        var item = new Item(path, value, write, fault, Done: null);
        Pending[path] = item;
        return QueueFor(path).Writer.WriteAsync(item, cancellationToken);
    }

    /// <summary>Queues an entry and blocks until it is on disk; rethrows what writing it threw.</summary>
    public static void WriteAndWait(string path, byte[] value, Action<string, byte[]> write)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var item = new Item(path, value, write, Fault: null, done);
        Pending[path] = item;
        var queue = QueueFor(path).Writer;
        while (!queue.TryWrite(item))
        {
            queue.WaitToWriteAsync().AsTask().GetAwaiter().GetResult();
        }

        done.Task.GetAwaiter().GetResult();
    }

    /// <summary>Completes when every entry queued before the call is on disk (or has failed).</summary>
    public static Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (!Queues.IsValueCreated)
        {
            return Task.CompletedTask;
        }

        return Task.WhenAll(Queues.Value.Select(queue => BarrierAsync(queue.Writer, cancellationToken)));
    }

    private static async Task BarrierAsync(ChannelWriter<Item> queue, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await queue.WriteAsync(new Item(string.Empty, [], null, null, done), cancellationToken).ConfigureAwait(false);
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets a queued value of <paramref name="path"/> so it is not written after a removal.</summary>
    public static void Forget(string path) => Pending.TryRemove(path, out _);

    private static Channel<Item> QueueFor(string path)
    {
        var queues = Queues.Value;
        return queues[(int)((uint)StringComparer.Ordinal.GetHashCode(path) % (uint)queues.Length)];
    }

    private static Channel<Item>[] Start()
    {
        var queues = new Channel<Item>[ThreadCount];
        for (var i = 0; i < queues.Length; i++)
        {
            var queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
            queues[i] = queue;
            new Thread(() => Drain(queue.Reader)) { IsBackground = true, Name = $"orbench-cache-writer-{i}" }.Start();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => FlushAsync().Wait(TimeSpan.FromMinutes(2));
        return queues;
    }

    private static void Drain(ChannelReader<Item> reader)
    {
        while (true)
        {
            while (reader.TryRead(out var item))
            {
                Process(item);
            }

            if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                return;
            }
        }
    }

    private static void Process(Item item)
    {
        if (item.Write is null)
        {
            item.Done?.TrySetResult();
            return;
        }

        // A later write of the same path replaced this one (or a removal forgot it): only the newest value is written.
        if (!Pending.TryGetValue(item.Path, out var current) || !ReferenceEquals(current, item))
        {
            item.Done?.TrySetResult();
            return;
        }

        try
        {
            item.Write(item.Path, item.Value);
            item.Done?.TrySetResult();
        }
#pragma warning disable CA1031 // A failed write is handed to its owner (the waiting caller or the cache's fault), never lost.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (item.Done is not null)
            {
                item.Done.TrySetException(ex);
            }
            else
            {
                item.Fault?.Invoke(ex);
            }
        }
        finally
        {
            Pending.TryRemove(new KeyValuePair<string, Item>(item.Path, item));
        }
    }

    private sealed record Item(string Path, byte[] Value, Action<string, byte[]>? Write, Action<Exception>? Fault, TaskCompletionSource? Done);
}
