using System;
using System.Globalization;
using System.Text;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>Thrown by <see cref="JsonReader"/> with the offset of the problem.</summary>
    internal sealed class JsonSyntaxException : Exception
    {
        public JsonSyntaxException(string message, int offset)
            : base(message) => Offset = offset;

        public int Offset { get; }
    }

    /// <summary>
    /// A small strict JSON reader (RFC 8259) that keeps every value's offsets, so problems in a model JSON file are
    /// reported at their line and column. The generator cannot load System.Text.Json inside every compiler host.
    /// </summary>
    internal sealed class JsonReader
    {
        private const int MaxDepth = 256;
        private readonly string _text;
        private int _pos;

        private JsonReader(string text) => _text = text;

        public static JsonNode Parse(string text)
        {
            var reader = new JsonReader(text);
            reader.SkipWhitespace();
            if (reader._pos < text.Length && text[reader._pos] == '\uFEFF')
            {
                reader._pos++;
                reader.SkipWhitespace();
            }

            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._pos < text.Length)
            {
                throw new JsonSyntaxException("unexpected text after the end of the JSON value", reader._pos);
            }

            return value;
        }

        private JsonNode ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new JsonSyntaxException("JSON is nested too deeply", _pos);
            }

            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                throw new JsonSyntaxException("unexpected end of file, a value was expected", _pos);
            }

            var c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    var start = _pos;
                    var s = ReadString();
                    return new JsonNode(JsonKind.String, start, _pos) { Text = s };
                case 't':
                    return ReadLiteral("true", JsonKind.True);
                case 'f':
                    return ReadLiteral("false", JsonKind.False);
                case 'n':
                    return ReadLiteral("null", JsonKind.Null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    throw new JsonSyntaxException("unexpected character '" + Printable(c) + "', a value was expected", _pos);
            }
        }

        private JsonNode ReadObject(int depth)
        {
            var node = new JsonNode(JsonKind.Object, _pos, _pos);
            _pos++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                node.End = _pos;
                return node;
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw new JsonSyntaxException("a property name in double quotes was expected", _pos);
                }

                var name = ReadString();
                SkipWhitespace();
                if (Peek() != ':')
                {
                    throw new JsonSyntaxException("':' was expected after the property name \"" + name + "\"", _pos);
                }

                _pos++;
                var value = ReadValue(depth + 1);
                node.Members.Add(new System.Collections.Generic.KeyValuePair<string, JsonNode>(name, value));
                SkipWhitespace();
                var c = Peek();
                if (c == ',')
                {
                    _pos++;
                    continue;
                }

                if (c == '}')
                {
                    _pos++;
                    node.End = _pos;
                    return node;
                }

                throw new JsonSyntaxException(c == '\0' ? "unexpected end of file, '}' was expected" : "',' or '}' was expected", _pos);
            }
        }

        private JsonNode ReadArray(int depth)
        {
            var node = new JsonNode(JsonKind.Array, _pos, _pos);
            _pos++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _pos++;
                node.End = _pos;
                return node;
            }

            while (true)
            {
                node.Items.Add(ReadValue(depth + 1));
                SkipWhitespace();
                var c = Peek();
                if (c == ',')
                {
                    _pos++;
                    continue;
                }

                if (c == ']')
                {
                    _pos++;
                    node.End = _pos;
                    return node;
                }

                throw new JsonSyntaxException(c == '\0' ? "unexpected end of file, ']' was expected" : "',' or ']' was expected", _pos);
            }
        }

        private string ReadString()
        {
            var start = _pos;
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw new JsonSyntaxException("unterminated string", start);
                }

                var c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    return sb.ToString();
                }

                if (c < ' ')
                {
                    throw new JsonSyntaxException("control character in a string (escape it)", _pos);
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    _pos++;
                    continue;
                }

                if (_pos + 1 >= _text.Length)
                {
                    throw new JsonSyntaxException("unterminated escape sequence", _pos);
                }

                var e = _text[_pos + 1];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 6 > _text.Length
                            || !int.TryParse(_text.Substring(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new JsonSyntaxException("invalid \\u escape (four hex digits expected)", _pos);
                        }

                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        throw new JsonSyntaxException("invalid escape '\\" + Printable(e) + "'", _pos);
                }

                _pos += 2;
            }
        }

        private JsonNode ReadNumber()
        {
            var start = _pos;
            if (Peek() == '-')
            {
                _pos++;
            }

            if (Peek() == '0')
            {
                _pos++;
            }
            else if (IsDigit(Peek()))
            {
                while (IsDigit(Peek()))
                {
                    _pos++;
                }
            }
            else
            {
                throw new JsonSyntaxException("invalid number", start);
            }

            if (Peek() == '.')
            {
                _pos++;
                if (!IsDigit(Peek()))
                {
                    throw new JsonSyntaxException("invalid number: a digit must follow '.'", _pos);
                }

                while (IsDigit(Peek()))
                {
                    _pos++;
                }
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                _pos++;
                if (Peek() == '+' || Peek() == '-')
                {
                    _pos++;
                }

                if (!IsDigit(Peek()))
                {
                    throw new JsonSyntaxException("invalid number: a digit must follow the exponent", _pos);
                }

                while (IsDigit(Peek()))
                {
                    _pos++;
                }
            }

            var text = _text.Substring(start, _pos - start);
            var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(value))
            {
                throw new JsonSyntaxException("number out of range", start);
            }

            return new JsonNode(JsonKind.Number, start, _pos) { Text = text, Number = value };
        }

        private JsonNode ReadLiteral(string literal, JsonKind kind)
        {
            if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
            {
                throw new JsonSyntaxException("invalid literal (true, false or null expected)", _pos);
            }

            var start = _pos;
            _pos += literal.Length;
            return new JsonNode(kind, start, _pos);
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                {
                    _pos++;
                }
                else
                {
                    break;
                }
            }
        }

        private static string Printable(char c) => c < ' ' ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();
    }
}
