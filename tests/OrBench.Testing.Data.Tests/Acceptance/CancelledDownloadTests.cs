using System.Net;
using System.Text;
using FluentAssertions;

namespace OrBench.Testing.Data.Tests.Acceptance;

/// <summary>A download cancelled half-way (Ctrl+C during a first run) leaves neither a partial file in the cache nor a lock entry.</summary>
public sealed class CancelledDownloadTests
{
    private static readonly byte[] Head = Encoding.UTF8.GetBytes("prompt,category\nhello world,privacy\n");

    [Fact]
    public async Task Cancelling_mid_body_leaves_no_file_in_the_cache_and_no_lock()
    {
        using var temp = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        using var client = new HttpClient(new StallingHandler(cancellation));
        var options = Options.Isolated(temp) with
        {
            AllowDownload = true,
            Revision = "abc123",
            Endpoint = new Uri("http://127.0.0.1:9/"),
            HttpClient = client,
        };

        var act = () => OrBenchDataset.LoadAsync(OrBenchSubset.Hard1K, options, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        Directory.Exists(temp.Combine("cache", "abc123")).Should().BeTrue("the download had started writing");
        Directory.GetFiles(temp.Combine("cache"), "*", SearchOption.AllDirectories).Should().BeEmpty("the partial temp file is deleted");
        File.Exists(options.LockFile).Should().BeFalse();
    }

    /// <summary>Answers 200 with a body that delivers its first bytes, then cancels the load and waits for the cancellation.</summary>
    private sealed class StallingHandler(CancellationTokenSource cancellation) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StreamContent(new StallingStream(cancellation)) { Headers = { ContentLength = Head.Length * 10 } },
            });
    }

    private sealed class StallingStream(CancellationTokenSource cancellation) : Stream
    {
        private bool _sentHead;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_sentHead)
            {
                _sentHead = true;
                Head.CopyTo(buffer);
                return Head.Length;
            }

            await cancellation.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
