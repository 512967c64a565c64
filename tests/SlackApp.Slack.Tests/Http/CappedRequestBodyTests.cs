using Microsoft.AspNetCore.Http;
using SlackApp.Slack.Http;

namespace SlackApp.Slack.Tests.Http;

public sealed class CappedRequestBodyTests
{
    private const int Limit = 40 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequest Request(Stream body, long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        context.Request.ContentLength = contentLength;
        return context.Request;
    }

    private static byte[] Numbered(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task Reads_a_body_of_exactly_the_limit_spread_over_several_reads()
    {
        // More than one 16 KiB chunk, so the bytes must be stitched back together in order.
        var bytes = Numbered(Limit);

        var read = await CappedRequestBody.ReadAsync(Request(new MemoryStream(bytes), contentLength: Limit), Limit, Ct);

        Assert.Equal(bytes, read);
    }

    [Fact]
    public async Task Reads_a_body_that_arrives_a_few_bytes_at_a_time()
    {
        var bytes = Numbered(1000);

        var read = await CappedRequestBody.ReadAsync(Request(new TricklingStream(bytes, 3), contentLength: null), Limit, Ct);

        Assert.Equal(bytes, read);
    }

    [Fact]
    public async Task Reads_an_empty_body()
    {
        var read = await CappedRequestBody.ReadAsync(Request(new MemoryStream(), contentLength: 0), Limit, Ct);

        Assert.Equal([], Assert.IsType<byte[]>(read));
    }

    [Fact]
    public async Task Refuses_a_body_one_byte_over_the_limit_sent_without_a_content_length()
    {
        var read = await CappedRequestBody.ReadAsync(Request(new MemoryStream(new byte[Limit + 1]), contentLength: null), Limit, Ct);

        Assert.Null(read);
    }

    [Fact]
    public async Task Refuses_a_body_whose_content_length_understates_it()
    {
        var read = await CappedRequestBody.ReadAsync(Request(new MemoryStream(new byte[3 * Limit]), contentLength: 100), Limit, Ct);

        Assert.Null(read);
    }

    [Fact]
    public async Task Stops_reading_as_soon_as_the_limit_is_passed()
    {
        var endless = new EndlessStream();

        var read = await CappedRequestBody.ReadAsync(Request(endless, contentLength: null), Limit, Ct);

        Assert.Null(read);
        // Not the whole stream (it has no end): at most one chunk past the limit.
        Assert.InRange(endless.BytesRead, Limit + 1, Limit + 16 * 1024);
    }

    [Fact]
    public async Task Refuses_a_declared_oversize_body_without_reading_it()
    {
        var read = await CappedRequestBody.ReadAsync(Request(new UnreadableStream(), contentLength: Limit + 1), Limit, Ct);

        Assert.Null(read);
    }

    private sealed class UnreadableStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The body must not be read.");
    }

    private sealed class TricklingStream(byte[] bytes, int step) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(step, buffer.Length)], cancellationToken);
    }

    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            BytesRead += buffer.Length;
            return ValueTask.FromResult(buffer.Length);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
