using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
#if NET6_0_OR_GREATER
using Microsoft.Win32.SafeHandles;
#endif

namespace LtxCodegen.Internal
{
    /// <summary>
    /// Opens the <c>.part</c> file a download is written to. On net8.0 outside Windows it is a write-only stream over
    /// <c>RandomAccess.Write</c> on the calling thread: an asynchronous <see cref="FileStream"/> there is no real
    /// asynchronous I/O, only a thread-pool hop per write. Elsewhere an unbuffered asynchronous <see cref="FileStream"/>.
    /// </summary>
    internal static class PartFile
    {
        // The copy loop writes whole pooled buffers: a FileStream buffer of its own would only add a copy (1 = none).
        private const int UnbufferedFile = 1;

        /// <summary>
        /// The length of the open file as the file system reports it (<c>fstat</c> on the handle: no path look-up), after
        /// everything written to <paramref name="file"/> has been handed to the operating system.
        /// </summary>
        public static long LengthOnDisk(Stream file) => file switch
        {
#if NET6_0_OR_GREATER
            DirectWriteStream direct => RandomAccess.GetLength(direct.Handle),
#endif
            FileStream stream => stream.Length,
            _ => throw new ArgumentException("Not a part file.", nameof(file)),
        };

        public static Stream Create(string path)
        {
#if NET6_0_OR_GREATER
            if (!OperatingSystem.IsWindows())
            {
                return new DirectWriteStream(File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None));
            }
#endif
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, UnbufferedFile, useAsync: true);
        }

#if NET6_0_OR_GREATER
        /// <summary>Appends each write at the end of what was written, synchronously; nothing is buffered.</summary>
        private sealed class DirectWriteStream : Stream
        {
            private readonly SafeFileHandle _handle;
            private long _position;

            public DirectWriteStream(SafeFileHandle handle) => _handle = handle;

            public SafeFileHandle Handle => _handle;

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => !_handle.IsClosed;
            public override long Length => _position;

            public override long Position
            {
                get => _position;
                set => throw new NotSupportedException();
            }

            public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

            public override void Write(ReadOnlySpan<byte> buffer)
            {
                RandomAccess.Write(_handle, buffer, _position);
                _position += buffer.Length;
            }

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Write(buffer.AsSpan(offset, count));
                return Task.CompletedTask;
            }

            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Write(buffer.Span);
                return default;
            }

            // Nothing is buffered here; like FileStream.Flush(), this does not force the bytes to disk.
            public override void Flush()
            {
            }

            public override Task FlushAsync(CancellationToken cancellationToken) =>
                cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    _handle.Dispose();
                }

                base.Dispose(disposing);
            }
        }
#endif
    }
}
