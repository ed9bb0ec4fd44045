// The floor of `orbench run` in benchmarks/whole-process.sh: the same chat-completion requests, C at a time, over
// keep-alive connections, with nothing else — no retries, no cache, no classification, no files written.
// Usage: BareClient ENDPOINT MODEL PROMPTS.csv CONCURRENCY   (PROMPTS.csv: header "prompt,category", one unquoted prompt per line)
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

if (args.Length != 4)
{
    await Console.Error.WriteLineAsync("usage: BareClient ENDPOINT MODEL PROMPTS.csv CONCURRENCY");
    return 2;
}

var url = new Uri(args[0].TrimEnd('/') + "/chat/completions");
var model = args[1];
var prompts = File.ReadLines(args[2]).Skip(1).Select(line => line[..line.LastIndexOf(',')]).ToArray();
var concurrency = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "no-key");
var next = -1;
var answered = 0;
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < prompts.Length)
    {
        var body = JsonSerializer.Serialize(new { model, messages = new[] { new { role = "user", content = prompts[i] } } });
        using var response = await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        if (json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString() is not null)
        {
            Interlocked.Increment(ref answered);
        }
    }
}));
Console.WriteLine($"{answered} answers");
return 0;
