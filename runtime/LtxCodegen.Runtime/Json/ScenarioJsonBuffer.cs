using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace LtxCodegen.Json
{
    /// <summary>
    /// The bytes of one request object while <see cref="ScenarioJsonWriter"/> builds it: plain values are written here
    /// directly, byte-identical to what a default <see cref="Utf8JsonWriter"/> writes; any other value (a string that
    /// needs escaping, a non-finite or fractional number where the direct form is not known to match, a JSON element)
    /// is written by a <see cref="Utf8JsonWriter"/> onto this buffer, so it is identical by construction. One instance
    /// per thread is reused.
    /// </summary>
    internal sealed class ScenarioJsonBuffer : IBufferWriter<byte>
    {
        /// <summary>Longer strings go through the writer (which also enforces its own length limit).</summary>
        private const int MaxDirectString = 1 << 16;

        /// <summary>A buffer grown past this is not kept for the next request.</summary>
        private const int MaxKept = 1 << 20;

        /// <summary>Whole numbers below this print as their digits alone (no exponent) as a double too.</summary>
        private const double MaxDirectWhole = 1e15;

        /// <summary>ASCII characters a default <see cref="Utf8JsonWriter"/> writes as they are (true) or escapes (false).</summary>
        private static readonly bool[] Plain = PlainAscii();

#if NET8_0_OR_GREATER
        /// <summary>The same plain characters as bytes, for a vectorized search.</summary>
        private static readonly SearchValues<byte> PlainBytes = SearchValues.Create(PlainAsciiBytes());
#endif

        [ThreadStatic]
        private static ScenarioJsonBuffer? t_free;

        private byte[] _bytes = new byte[512];
        private int _count;
        private Utf8JsonWriter? _values;

        /// <summary>The bytes written so far.</summary>
        public ReadOnlySpan<byte> Written => new ReadOnlySpan<byte>(_bytes, 0, _count);

        /// <summary>Takes this thread's buffer (or a new one when it is in use), empty.</summary>
        public static ScenarioJsonBuffer Rent()
        {
            var buffer = t_free ?? new ScenarioJsonBuffer();
            t_free = null;
            buffer._count = 0;
            return buffer;
        }

        /// <summary>Gives the buffer back for this thread's next request (unless it grew large).</summary>
        public static void Return(ScenarioJsonBuffer buffer)
        {
            if (buffer._bytes.Length <= MaxKept)
            {
                t_free = buffer;
            }
        }

        public void Advance(int count) => _count += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint < 1 ? 1 : sizeHint);
            return new Memory<byte>(_bytes, _count, _bytes.Length - _count);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint < 1 ? 1 : sizeHint);
            return new Span<byte>(_bytes, _count, _bytes.Length - _count);
        }

        public void Byte(byte value)
        {
            Ensure(1);
            _bytes[_count++] = value;
        }

        public void Bytes(ReadOnlySpan<byte> value)
        {
            Ensure(value.Length);
            value.CopyTo(new Span<byte>(_bytes, _count, value.Length));
            _count += value.Length;
        }

        /// <summary>Writes <c>"name":</c> (pre-encoded), after a comma unless it is the object's first member (the object's <c>{</c> is the only byte so far).</summary>
        public void Member(byte[] member)
        {
            Ensure(member.Length + 1);
            var at = _count;
            if (at > 1)
            {
                _bytes[at++] = (byte)',';
            }

            Buffer.BlockCopy(member, 0, _bytes, at, member.Length);
            _count = at + member.Length;
        }

        public void Null() => Bytes("null"u8);

        public void Boolean(bool value) => Bytes(value ? "true"u8 : "false"u8);

        /// <summary>Writes an integer as <see cref="Utf8JsonWriter.WriteNumberValue(long)"/> does.</summary>
        public void Integer(long value)
        {
            Ensure(20);
            Utf8Formatter.TryFormat(value, new Span<byte>(_bytes, _count, _bytes.Length - _count), out var written);
            _count += written;
        }

        /// <summary>Writes a number as <see cref="Utf8JsonWriter.WriteNumberValue(double)"/> does (and throws as it does for NaN and infinities).</summary>
        public void Number(double value)
        {
            // Whole values (not -0) print as their digits on every framework.
            if (value > -MaxDirectWhole && value < MaxDirectWhole && value == Math.Floor(value) && (value != 0 || !IsNegativeZero(value)))
            {
                Integer((long)value);
                return;
            }
#if NET8_0_OR_GREATER
            if (double.IsFinite(value))
            {
                if (TryFewDecimals(value))
                {
                    return;
                }

                // What Utf8JsonWriter itself calls on .NET (shortest round-trip form).
                Ensure(128);
                Utf8Formatter.TryFormat(value, new Span<byte>(_bytes, _count, _bytes.Length - _count), out var written);
                _count += written;
                return;
            }
#endif
            var writer = Values(0);
            writer.WriteNumberValue(value);
            writer.Flush();
        }

#if NET8_0_OR_GREATER
        /// <summary>
        /// Writes a value with at most four decimals (0.8, 3.5, 0.25: most parameter values) as its digits, when that is
        /// the shortest round-trip form (the form .NET writes): the fewest decimals <c>k</c> for which the decimal
        /// <c>m / 10^k</c> reads back as the value. In the range taken, integers stay exact, the form has no exponent,
        /// and no other decimal with <c>k</c> places reads back as the value. Otherwise writes nothing.
        /// </summary>
        private bool TryFewDecimals(double value)
        {
            var magnitude = Math.Abs(value);
            if (!(magnitude >= 1e-4 && magnitude < 1e11))
            {
                return false;
            }

            long scale = 1;
            for (var decimals = 1; decimals <= 4; decimals++)
            {
                scale *= 10;
                var scaled = Math.Round(magnitude * scale);
                if (scaled / scale != magnitude)
                {
                    continue;
                }

                var digits = (long)scaled;
                Ensure(24);
                var span = new Span<byte>(_bytes, _count, _bytes.Length - _count);
                var at = 0;
                if (value < 0)
                {
                    span[at++] = (byte)'-';
                }

                Utf8Formatter.TryFormat(digits / scale, span.Slice(at), out var written);
                at += written;
                span[at++] = (byte)'.';
                Utf8Formatter.TryFormat(digits % scale, span.Slice(at), out written, new StandardFormat('D', (byte)decimals));
                _count += at + written;
                return true;
            }

            return false;
        }
#endif

        /// <summary>Writes a string value (quoted, escaped as a default <see cref="Utf8JsonWriter"/> escapes).</summary>
        public void String(string value)
        {
            if (value.Length > MaxDirectString || !TryPlain(value))
            {
                var writer = Values(0);
                writer.WriteStringValue(value);
                writer.Flush();
            }
        }

        /// <summary>Writes a JSON element as <see cref="JsonElement.WriteTo"/> does at a depth that leaves <paramref name="maxDepth"/> levels.</summary>
        public void Element(JsonElement value, int maxDepth)
        {
            var writer = Values(maxDepth);
            value.WriteTo(writer);
            writer.Flush();
        }

        /// <summary>Writes <paramref name="value"/> quoted when no character needs escaping (then it is plain ASCII); otherwise writes nothing.</summary>
        private bool TryPlain(string value)
        {
            var length = value.Length;
            Ensure(length + 2);
            var quoted = new Span<byte>(_bytes, _count, length + 2);
            var text = quoted.Slice(1, length);
#if NET8_0_OR_GREATER
            if (System.Text.Ascii.FromUtf16(value.AsSpan(), text, out _) != OperationStatus.Done || text.IndexOfAnyExcept(PlainBytes) >= 0)
            {
                return false;
            }
#else
            var plain = Plain;
            for (var i = 0; i < length; i++)
            {
                var c = value[i];
                if (c >= plain.Length || !plain[c])
                {
                    return false;
                }

                text[i] = (byte)c;
            }
#endif
            quoted[0] = (byte)'"';
            quoted[length + 1] = (byte)'"';
            _count += length + 2;
            return true;
        }

        private static bool IsNegativeZero(double value) => BitConverter.DoubleToInt64Bits(value) < 0;

        private static bool[] PlainAscii()
        {
            var plain = new bool[128];
            for (var c = 0x20; c <= 0x7E; c++)
            {
                plain[c] = true;
            }

            foreach (var c in "\"\\&'+<>`")
            {
                plain[c] = false;
            }

            return plain;
        }

#if NET8_0_OR_GREATER
        private static byte[] PlainAsciiBytes()
        {
            var bytes = new System.Collections.Generic.List<byte>();
            for (var c = 0; c < Plain.Length; c++)
            {
                if (Plain[c])
                {
                    bytes.Add((byte)c);
                }
            }

            return bytes.ToArray();
        }
#endif

        /// <summary>A default-options writer onto this buffer, fresh (at the root), with <paramref name="maxDepth"/> (0: any).</summary>
        private Utf8JsonWriter Values(int maxDepth)
        {
            var writer = _values;
            if (writer is null || (maxDepth != 0 && writer.Options.MaxDepth != maxDepth))
            {
                writer = new Utf8JsonWriter(this, new JsonWriterOptions { MaxDepth = maxDepth });
                _values = writer;
            }
            else
            {
                writer.Reset(this);
            }

            return writer;
        }

        private void Ensure(int size)
        {
            if (_bytes.Length - _count < size)
            {
                var grown = new byte[Math.Max(_bytes.Length * 2, _count + size)];
                Buffer.BlockCopy(_bytes, 0, grown, 0, _count);
                _bytes = grown;
            }
        }
    }
}
