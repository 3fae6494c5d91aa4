using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Http
{
    /// <summary>Reads a response body into memory, never more than a limit (with or without <c>Content-Length</c>).</summary>
    internal static class BoundedBody
    {
        private const int ChunkSize = 16 * 1024;

        /// <summary>
        /// The body, or <see cref="ResponseTooLargeException"/> as soon as it is known to exceed <paramref name="maxBytes"/>
        /// (from its <c>Content-Length</c> before reading anything, else while reading).
        /// </summary>
        public static async Task<byte[]> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
        {
            var announced = content.Headers.ContentLength;
            if (announced is long length && length > maxBytes)
            {
                throw new ResponseTooLargeException(maxBytes, length);
            }

#if NET5_0_OR_GREATER
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            if (announced is long exact && exact <= MaxExactBytes)
            {
                return await ReadAnnouncedAsync(stream, (int)exact, maxBytes, cancellationToken).ConfigureAwait(false);
            }

            return await ReadChunkedAsync(stream, announced, maxBytes, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Bodies that announce at most this many bytes are read straight into an array of that size.</summary>
        private const int MaxExactBytes = 1024 * 1024;

        /// <summary>
        /// Reads a body that announced its length into an array of exactly that size (no copy); a body that turns out
        /// longer than announced goes on through the chunked path, shorter ends where it ends.
        /// </summary>
        private static async Task<byte[]> ReadAnnouncedAsync(Stream stream, int announced, long maxBytes, CancellationToken cancellationToken)
        {
            var body = new byte[announced];
            var filled = 0;
            while (filled < announced)
            {
                var read = await stream.ReadAsync(body, filled, announced - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return filled == announced ? body : Slice(body, filled);
                }

                filled += read;
            }

            // Announced length reached: a well-behaved server has nothing more; anything more is read with the limit.
            var probe = ArrayPool<byte>.Shared.Rent(1);
            try
            {
                var more = await stream.ReadAsync(probe, 0, 1, cancellationToken).ConfigureAwait(false);
                if (more == 0)
                {
                    return body;
                }

                using var buffer = new MemoryStream(announced + ChunkSize);
                buffer.Write(body, 0, announced);
                buffer.Write(probe, 0, more);
                if (buffer.Length > maxBytes)
                {
                    throw new ResponseTooLargeException(maxBytes, null);
                }

                return await ReadRestAsync(stream, buffer, maxBytes, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(probe);
            }
        }

        private static async Task<byte[]> ReadChunkedAsync(Stream stream, long? announced, long maxBytes, CancellationToken cancellationToken)
        {
            using var buffer = new MemoryStream(announced is long known ? (int)Math.Min(known, MaxExactBytes) : ChunkSize);
            return await ReadRestAsync(stream, buffer, maxBytes, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Appends the rest of the stream to <paramref name="buffer"/> through a pooled chunk, never past the limit.</summary>
        private static async Task<byte[]> ReadRestAsync(Stream stream, MemoryStream buffer, long maxBytes, CancellationToken cancellationToken)
        {
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
            try
            {
                while (true)
                {
                    var read = await stream.ReadAsync(chunk, 0, ChunkSize, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return buffer.ToArray();
                    }

                    if (buffer.Length + read > maxBytes)
                    {
                        throw new ResponseTooLargeException(maxBytes, null);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }

        private static byte[] Slice(byte[] body, int length)
        {
            var shorter = new byte[length];
            Buffer.BlockCopy(body, 0, shorter, 0, length);
            return shorter;
        }
    }

    /// <summary>A response body went over the client's limit; it was not read further.</summary>
    internal sealed class ResponseTooLargeException : Exception
    {
        public ResponseTooLargeException(long limit, long? announced)
            : base("the response body " + (announced is long a ? "announces " + a.ToString(CultureInfo.InvariantCulture) + " bytes, " : "") +
                   "more than the " + limit.ToString(CultureInfo.InvariantCulture) + "-byte limit (ScenarioClientOptions.MaxResponseBodyBytes); it was not read further")
        {
            Limit = limit;
        }

        public long Limit { get; }
    }
}
