using System;
using System.Collections.Generic;
using System.Text.Json;
using LtxCodegen.Json;

namespace LtxCodegen
{
    /// <summary>
    /// Writes one request object for generated <c>WriteJson</c> methods, one call per parameter, with the same bytes a
    /// <see cref="Utf8JsonWriter"/> writes for <c>WriteStartObject</c>, <c>WriteString</c>, <c>WriteNumber</c>, ...,
    /// <c>WriteEndObject</c>. For a writer with default escaping, not indented, the object is built in a per-thread buffer
    /// (names pre-encoded with their quotes and colon, plain strings and numbers written directly) and handed to the
    /// writer as one value (<see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/>), so the writer's state is
    /// that of a written value wherever the object goes (root, array item, property value). Any other writer is called
    /// property by property.
    /// </summary>
    public readonly ref struct ScenarioJsonWriter
    {
        private readonly Utf8JsonWriter _writer;
        private readonly ScenarioJsonNames _names;

        /// <summary>The object being built, or null when the writer is called directly.</summary>
        private readonly ScenarioJsonBuffer? _buffer;

        /// <summary>The writer's depth limit as seen from a parameter's value (a JSON element's own writer gets it).</summary>
        private readonly int _valueDepth;

        private ScenarioJsonWriter(Utf8JsonWriter writer, ScenarioJsonNames names, ScenarioJsonBuffer? buffer, int valueDepth)
        {
            _writer = writer;
            _names = names;
            _buffer = buffer;
            _valueDepth = valueDepth;
        }

        /// <summary>Starts the object (as <see cref="Utf8JsonWriter.WriteStartObject()"/>); <see cref="End"/> finishes it.</summary>
        public static ScenarioJsonWriter Start(Utf8JsonWriter writer, ScenarioJsonNames names)
        {
            if (writer is null)
            {
                throw new ArgumentNullException(nameof(writer));
            }

            if (names is null)
            {
                throw new ArgumentNullException(nameof(names));
            }

            var options = writer.Options;
            var maxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth;
            var depth = writer.CurrentDepth;

            // Room for the object and an array in it; nearer the limit the writer itself reports it.
            if (options.Encoder is null && !options.Indented && depth + 2 < maxDepth)
            {
                var buffer = ScenarioJsonBuffer.Rent();
                buffer.Byte((byte)'{');
                return new ScenarioJsonWriter(writer, names, buffer, maxDepth - depth - 1);
            }

            writer.WriteStartObject();
            return new ScenarioJsonWriter(writer, names, null, 0);
        }

        /// <summary>Writes a string (or null) as <see cref="Utf8JsonWriter.WriteString(JsonEncodedText, string)"/> does.</summary>
        /// <param name="name">The parameter's descriptor position.</param>
        /// <param name="value">The value.</param>
        public void String(int name, string? value)
        {
            var buffer = _buffer;
            if (buffer is null)
            {
                _writer.WriteString(_names.Encoded[name], value);
                return;
            }

            Member(buffer, name);
            if (value is null)
            {
                buffer.Null();
            }
            else
            {
                buffer.String(value);
            }
        }

        /// <summary>Writes a number as <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, double)"/> does (NaN and infinities throw its <see cref="ArgumentException"/>).</summary>
        /// <param name="name">The parameter's descriptor position.</param>
        /// <param name="value">The value (already normalized).</param>
        public void Number(int name, double value)
        {
            var buffer = _buffer;
            if (buffer is null)
            {
                _writer.WriteNumber(_names.Encoded[name], value);
                return;
            }

            Member(buffer, name);
            buffer.Number(value);
        }

        /// <summary>Writes an integer as <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, long)"/> does.</summary>
        /// <param name="name">The parameter's descriptor position.</param>
        /// <param name="value">The value (already normalized).</param>
        public void Integer(int name, long value)
        {
            var buffer = _buffer;
            if (buffer is null)
            {
                _writer.WriteNumber(_names.Encoded[name], value);
                return;
            }

            Member(buffer, name);
            buffer.Integer(value);
        }

        /// <summary>Writes a boolean as <see cref="Utf8JsonWriter.WriteBoolean(JsonEncodedText, bool)"/> does.</summary>
        /// <param name="name">The parameter's descriptor position.</param>
        /// <param name="value">The value.</param>
        public void Boolean(int name, bool value)
        {
            var buffer = _buffer;
            if (buffer is null)
            {
                _writer.WriteBoolean(_names.Encoded[name], value);
                return;
            }

            Member(buffer, name);
            buffer.Boolean(value);
        }

        /// <summary>Writes a JSON value as <see cref="JsonElement.WriteTo"/> does; an undefined element (unset) is omitted.</summary>
        /// <param name="name">The parameter's descriptor position.</param>
        /// <param name="value">The value.</param>
        public void Element(int name, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Undefined)
            {
                return;
            }

            var buffer = _buffer;
            if (buffer is null)
            {
                _writer.WritePropertyName(_names.Encoded[name]);
                value.WriteTo(_writer);
                return;
            }

            Member(buffer, name);
            buffer.Element(value, _valueDepth);
        }

        /// <summary>Writes a string that is set, as <see cref="String"/> does; a null string (unset) is omitted.</summary>
        /// <param name="name">The parameter's descriptor position.</param>
        /// <param name="value">The value, or null.</param>
        public void OptionalString(int name, string? value)
        {
            if (value is not null)
            {
                String(name, value);
            }
        }

        /// <summary>Writes a number that is set, as <see cref="Number(int, double)"/> does; null (unset) is omitted.</summary>
        /// <param name="name">The parameter's descriptor position.</param>
        /// <param name="value">The value, or null.</param>
        public void Number(int name, double? value)
        {
            if (value.HasValue)
            {
                Number(name, value.GetValueOrDefault());
            }
        }

        /// <summary>Writes an integer that is set, as <see cref="Integer(int, long)"/> does; null (unset) is omitted.</summary>
        /// <param name="name">The parameter's descriptor position.</param>
        /// <param name="value">The value, or null.</param>
        public void Integer(int name, long? value)
        {
            if (value.HasValue)
            {
                Integer(name, value.GetValueOrDefault());
            }
        }

        /// <summary>Writes a boolean that is set, as <see cref="Boolean(int, bool)"/> does; null (unset) is omitted.</summary>
        /// <param name="name">The parameter's descriptor position.</param>
        /// <param name="value">The value, or null.</param>
        public void Boolean(int name, bool? value)
        {
            if (value.HasValue)
            {
                Boolean(name, value.GetValueOrDefault());
            }
        }

        /// <summary>Writes a JSON value that is set, as <see cref="Element(int, JsonElement)"/> does; null (unset) is omitted.</summary>
        /// <param name="name">The parameter's descriptor position.</param>
        /// <param name="value">The value, or null.</param>
        public void Element(int name, JsonElement? value)
        {
            if (value.HasValue)
            {
                Element(name, value.GetValueOrDefault());
            }
        }

        /// <summary>Writes a list of strings (a null item as null); a null list is omitted.</summary>
        /// <param name="name">The parameter's descriptor position.</param>
        /// <param name="values">The list.</param>
        public void Strings(int name, IEnumerable<string?>? values)
        {
            if (values is null)
            {
                return;
            }

            var buffer = _buffer;
            if (buffer is null)
            {
                _writer.WriteStartArray(_names.Encoded[name]);
                foreach (var item in values)
                {
                    _writer.WriteStringValue(item);
                }

                _writer.WriteEndArray();
                return;
            }

            Member(buffer, name);
            var first = true;
            buffer.Byte((byte)'[');
            foreach (var item in values)
            {
                Separate(buffer, ref first);
                if (item is null)
                {
                    buffer.Null();
                }
                else
                {
                    buffer.String(item);
                }
            }

            buffer.Byte((byte)']');
        }

        /// <summary>Writes a list of numbers, each normalized (<see cref="ScenarioRules.Normalize"/>) when <paramref name="normalize"/>; a null list is omitted.</summary>
        /// <param name="name">The parameter's descriptor position.</param>
        /// <param name="values">The list.</param>
        /// <param name="normalize">Whether the parameter's step rounds the values on send.</param>
        public void Numbers(int name, IEnumerable<double>? values, bool normalize)
        {
            if (values is null)
            {
                return;
            }

            var parameter = normalize ? _names.Model.Parameters[name] : null;
            var buffer = _buffer;
            if (buffer is null)
            {
                _writer.WriteStartArray(_names.Encoded[name]);
                foreach (var item in values)
                {
                    _writer.WriteNumberValue(parameter is null ? item : ScenarioRules.Normalize(parameter, item));
                }

                _writer.WriteEndArray();
                return;
            }

            Member(buffer, name);
            var first = true;
            buffer.Byte((byte)'[');
            foreach (var item in values)
            {
                Separate(buffer, ref first);
                buffer.Number(parameter is null ? item : ScenarioRules.Normalize(parameter, item));
            }

            buffer.Byte((byte)']');
        }

        /// <summary>Writes a list of JSON values (each as <see cref="JsonElement.WriteTo"/> does); a null list is omitted.</summary>
        /// <param name="name">The parameter's descriptor position.</param>
        /// <param name="values">The list.</param>
        public void Elements(int name, IEnumerable<JsonElement>? values)
        {
            if (values is null)
            {
                return;
            }

            var buffer = _buffer;
            if (buffer is null)
            {
                _writer.WriteStartArray(_names.Encoded[name]);
                foreach (var item in values)
                {
                    item.WriteTo(_writer);
                }

                _writer.WriteEndArray();
                return;
            }

            Member(buffer, name);
            var first = true;
            buffer.Byte((byte)'[');
            foreach (var item in values)
            {
                Separate(buffer, ref first);
                buffer.Element(item, _valueDepth - 1);
            }

            buffer.Byte((byte)']');
        }

        /// <summary>Ends the object (as <see cref="Utf8JsonWriter.WriteEndObject"/>).</summary>
        public void End()
        {
            var buffer = _buffer;
            if (buffer is null)
            {
                _writer.WriteEndObject();
                return;
            }

            buffer.Byte((byte)'}');
            _writer.WriteRawValue(buffer.Written, skipInputValidation: true);
            ScenarioJsonBuffer.Return(buffer);
        }

        private static void Separate(ScenarioJsonBuffer buffer, ref bool first)
        {
            if (!first)
            {
                buffer.Byte((byte)',');
            }

            first = false;
        }

        private void Member(ScenarioJsonBuffer buffer, int name) => buffer.Member(_names.Members[name]);
    }
}
