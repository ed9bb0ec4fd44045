using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OrBench.TestSupport.HuggingFace;

/// <summary>
/// A loopback stand-in for the Hugging Face hub's file endpoint
/// (<c>GET /datasets/{owner}/{name}/resolve/{revision}/{file}</c>) built on Kestrel, listening on 127.0.0.1 with
/// a free port. Tests register the files it serves and how it misbehaves (a status code, a body cut short, a
/// required bearer token), point <c>HF_ENDPOINT</c>/<c>OrBenchDataOptions.Endpoint</c> at <see cref="Endpoint"/>,
/// and read <see cref="Requests"/> afterwards.
/// </summary>
public sealed class HuggingFaceFileHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, HostedFileBehavior> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<HostedRequest> _requests = new();

    private HuggingFaceFileHost(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base URL to use as <c>HF_ENDPOINT</c>, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>When set, requests without <c>Authorization: Bearer {token}</c> get 401, and a wrong token gets 403.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<HostedRequest> Requests => [.. _requests];

    /// <summary>Starts a host on a free loopback port.</summary>
    public static async Task<HuggingFaceFileHost> StartAsync(CancellationToken cancellationToken = default)
    {
        HuggingFaceFileHost? host = null;
        var (app, endpoint) = await LoopbackHost.StartAsync(
            app => app.MapGet("/datasets/{**rest}", (HttpContext context) => host!.ServeAsync(context)),
            cancellationToken: cancellationToken);
        host = new HuggingFaceFileHost(app, endpoint);
        return host;
    }

    /// <summary>Serves <paramref name="content"/> for a file of a dataset at a revision.</summary>
    public void AddFile(string repository, string revision, string fileName, byte[] content) =>
        _files[Key(repository, revision, fileName)] = new HostedFileBehavior(content);

    /// <summary>Sets how a file is answered (status code, cut-short body).</summary>
    public void SetBehavior(string repository, string revision, string fileName, HostedFileBehavior behavior) =>
        _files[Key(repository, revision, fileName)] = behavior;

    /// <summary>The full URL of a file, as the client should build it.</summary>
    public Uri FileUrl(string repository, string revision, string fileName) =>
        new(Endpoint, $"datasets/{repository}/resolve/{revision}/{fileName}");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Key(string repository, string revision, string fileName) => $"/datasets/{repository}/resolve/{revision}/{fileName}";

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var authorization = context.Request.Headers.Authorization.ToString();
        var status = Decide(path, authorization.Length == 0 ? null : authorization, out var behavior);
        _requests.Enqueue(new HostedRequest(path, authorization.Length == 0 ? null : authorization, status));
        context.Response.StatusCode = status;
        if (status != StatusCodes.Status200OK || behavior is null)
        {
            return;
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.ContentLength = behavior.Content.Length;
        if (behavior.CutShortAfter is { } sent)
        {
            await context.Response.Body.WriteAsync(behavior.Content.AsMemory(0, Math.Min(sent, behavior.Content.Length)));
            await context.Response.Body.FlushAsync();

            // Returning with fewer bytes than Content-Length makes Kestrel close the connection after the bytes sent
            // (a graceful FIN, so the client sees headers and a body that ends early, as with a dropped download).
            return;
        }

        await context.Response.Body.WriteAsync(behavior.Content);
    }

    private int Decide(string path, string? authorization, out HostedFileBehavior? behavior)
    {
        behavior = null;
        if (RequiredToken is { } token)
        {
            if (authorization is null)
            {
                return StatusCodes.Status401Unauthorized;
            }

            if (!string.Equals(authorization, "Bearer " + token, StringComparison.Ordinal))
            {
                return StatusCodes.Status403Forbidden;
            }
        }

        if (!_files.TryGetValue(path, out var found))
        {
            return StatusCodes.Status404NotFound;
        }

        if (found.StatusCode is { } code)
        {
            return code;
        }

        behavior = found;
        return StatusCodes.Status200OK;
    }
}
