using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace SlackApp.Slack.Http;

/// <summary>Reads a request body once, whole, refusing it past a hard byte limit whatever Content-Length claims.</summary>
public static class CappedRequestBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>
    /// The body's bytes, or null when it is longer than <paramref name="maxBytes"/>: at once when Content-Length says
    /// so (nothing is read), else as soon as the bytes read pass the limit (a lying or absent Content-Length).
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // Content-Length only sizes the first buffer: it is at most the limit here, and may be wrong.
        using var body = new MemoryStream(request.ContentLength is { } length ? (int)length : ChunkBytes);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.ToArray();
    }
}
