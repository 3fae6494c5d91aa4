using System;
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
            using var buffer = new MemoryStream(announced is long known ? (int)Math.Min(known, 1024 * 1024) : ChunkSize);
            var chunk = new byte[ChunkSize];
            while (true)
            {
                var read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
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
