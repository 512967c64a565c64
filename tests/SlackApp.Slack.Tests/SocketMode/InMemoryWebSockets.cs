using System.IO.Pipelines;
using System.Net.WebSockets;

namespace SlackApp.Slack.Tests.SocketMode;

/// <summary>A connected pair of WebSockets over in-memory pipes: a client and a server, no network.</summary>
internal static class InMemoryWebSockets
{
    public static (WebSocket Client, WebSocket Server) CreatePair()
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var client = WebSocket.CreateFromStream(new DuplexPipeStream(toClient.Reader, toServer.Writer), isServer: false, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan);
        var server = WebSocket.CreateFromStream(new DuplexPipeStream(toServer.Reader, toClient.Writer), isServer: true, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan);
        return (client, server);
    }

    /// <summary>Reads from one pipe and writes to the other; disposing it ends both, as a dropped TCP connection does.</summary>
    private sealed class DuplexPipeStream(PipeReader reader, PipeWriter writer) : Stream
    {
        private readonly Stream _in = reader.AsStream();
        private readonly Stream _out = writer.AsStream();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _in.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _in.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _out.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _out.WriteAsync(buffer, offset, count, cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) => _out.FlushAsync(cancellationToken);

        public override void Flush() => _out.Flush();

        public override int Read(byte[] buffer, int offset, int count) => _in.Read(buffer, offset, count);

        public override void Write(byte[] buffer, int offset, int count) => _out.Write(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                writer.Complete();
                reader.Complete();
            }

            base.Dispose(disposing);
        }
    }
}
