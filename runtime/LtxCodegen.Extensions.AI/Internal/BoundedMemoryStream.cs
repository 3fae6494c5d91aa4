using System;
using System.IO;

namespace LtxCodegen.Extensions.AI.Internal
{
    /// <summary>A memory stream that refuses to grow past a limit (a hostile or broken server cannot exhaust memory).</summary>
    internal sealed class BoundedMemoryStream : MemoryStream
    {
        private readonly long _limit;
        private readonly string _what;

        public BoundedMemoryStream(long limit, string what)
        {
            _limit = limit;
            _what = what;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(count);
            base.Write(buffer, offset, count);
        }

        public override void WriteByte(byte value)
        {
            Check(1);
            base.WriteByte(value);
        }

#if NET8_0_OR_GREATER
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }
#endif

        private void Check(int count)
        {
            if (Position + count > _limit)
            {
                throw new InvalidDataException(_what + " is larger than " + _limit + " bytes; ask for ImageGenerationResponseFormat.Uri to download it yourself.");
            }
        }
    }
}
