using System.Globalization;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using OrBench.Testing.Middleware;

namespace OrBench.Probe;

/// <summary>
/// <c>cache-write DIR COUNT WRITER [ROUNDS]</c>: prints <c>ready</c>, waits for a line on standard input, then writes
/// COUNT entries (<c>key-0</c> … ) into a <see cref="FileDistributedCache"/> at DIR, ROUNDS times over. Each value is
/// <c>key|writer|</c> followed by a filler whose length and letter depend on the key, so a reader can tell a complete
/// entry from a torn one and which writer it came from. Exit code 0 on success.
/// </summary>
internal static class CacheWriteProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var count))
        {
            await Console.Error.WriteLineAsync("usage: OrBench.Probe cache-write DIR COUNT WRITER [ROUNDS]");
            return 2;
        }

        var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
        var cache = new FileDistributedCache(args[0]);
        Console.WriteLine("ready");
        await Console.Out.FlushAsync();
        await Console.In.ReadLineAsync();
        var options = new DistributedCacheEntryOptions();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < count; i++)
            {
                var key = "key-" + i.ToString(CultureInfo.InvariantCulture);
                cache.Set(key, Payload(key, i, args[2]), options);
            }
        }

        return 0;
    }

    /// <summary>The value a writer stores under a key. Tests rebuild it to check what they read.</summary>
    public static byte[] Payload(string key, int index, string writer) =>
        Encoding.UTF8.GetBytes($"{key}|{writer}|" + new string((char)('a' + (index % 26)), 1000 + (index * 997 % 60_000)));
}
