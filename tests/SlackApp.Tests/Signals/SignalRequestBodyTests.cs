using Microsoft.AspNetCore.Http;
using SlackApp.Signals;

namespace SlackApp.Tests.Signals;

public sealed class SignalRequestBodyTests
{
    private const int Limit = 1024 * 1024;

    private static HttpRequest Request(Stream body, long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        context.Request.ContentLength = contentLength;
        return context.Request;
    }

    [Fact]
    public async Task Reads_a_body_of_exactly_one_mebibyte()
    {
        var bytes = new byte[Limit];
        bytes[^1] = 7;

        var read = await SignalRequestBody.ReadAsync(Request(new MemoryStream(bytes), contentLength: null), TestContext.Current.CancellationToken);

        Assert.Equal(bytes, read);
    }

    [Fact]
    public async Task Refuses_a_longer_body_sent_without_a_content_length()
    {
        var read = await SignalRequestBody.ReadAsync(Request(new MemoryStream(new byte[Limit + 1]), contentLength: null), TestContext.Current.CancellationToken);

        Assert.Null(read);
    }

    [Fact]
    public async Task Refuses_a_longer_body_whose_content_length_understates_it()
    {
        var read = await SignalRequestBody.ReadAsync(Request(new MemoryStream(new byte[3 * Limit]), contentLength: 100), TestContext.Current.CancellationToken);

        Assert.Null(read);
    }

    [Fact]
    public async Task Refuses_a_declared_oversize_body_without_reading_it()
    {
        var read = await SignalRequestBody.ReadAsync(Request(new UnreadableStream(), contentLength: Limit + 1), TestContext.Current.CancellationToken);

        Assert.Null(read);
    }

    private sealed class UnreadableStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The body must not be read.");
    }
}
