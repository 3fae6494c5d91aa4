using System;
using System.Collections.Generic;
using System.Globalization;

namespace LtxCodegen
{
    /// <summary>
    /// Reads the compact parameter table generated code stores for each model (one string literal instead of a
    /// constructor call per parameter: far less C# to compile). The generator writes it (DescriptorText); this is the
    /// only reader.
    /// </summary>
    /// <remarks>
    /// Fields end with <c>|</c>; <c>~</c> escapes the next character (<c>~|</c>, <c>~~</c>), and <c>~0</c> marks an
    /// empty string (an empty field is null). Per parameter, in order: wire name, property name, type name, flags
    /// (1 required, 2 off-step is an error, 4 options closed, 8 prose rules), description, default JSON, minimum,
    /// maximum, multiple of, max length, asset kind, paired with, option count, the options, condition count, then per
    /// condition: other wire name, 1 when the other is set (else 0), message.
    /// </remarks>
    internal struct ScenarioDescriptorText
    {
        private const int Required = 1;
        private const int MultipleOfIsError = 2;
        private const int OptionsAreClosed = 4;
        private const int HasProseRules = 8;

        private readonly string _text;
        private int _position;

        private ScenarioDescriptorText(string text)
        {
            _text = text;
            _position = 0;
        }

        /// <summary>Reads every parameter of a table.</summary>
        public static ScenarioParameterDescriptor[] ReadParameters(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            var reader = new ScenarioDescriptorText(text);
            var parameters = new List<ScenarioParameterDescriptor>();
            while (reader._position < text.Length)
            {
                parameters.Add(reader.ReadParameter());
            }

            return parameters.ToArray();
        }

        private ScenarioParameterDescriptor ReadParameter()
        {
            var wireName = RequiredField();
            var propertyName = RequiredField();
            var type = ParseType(RequiredField());
            var flags = ReadInt() ?? 0;
            var description = Field();
            var defaultJson = Field();
            var minimum = ReadDouble();
            var maximum = ReadDouble();
            var multipleOf = ReadDouble();
            var maxLength = ReadInt();
            var assetKind = Field();
            var pairedWith = Field();
            var optionCount = ReadInt() ?? 0;
            string[]? options = null;
            if (optionCount > 0)
            {
                options = new string[optionCount];
                for (var i = 0; i < optionCount; i++)
                {
                    options[i] = Field() ?? string.Empty;
                }
            }

            var conditionCount = ReadInt() ?? 0;
            ScenarioConditionalRequirement[]? conditions = null;
            if (conditionCount > 0)
            {
                conditions = new ScenarioConditionalRequirement[conditionCount];
                for (var i = 0; i < conditionCount; i++)
                {
                    var other = RequiredField();
                    var whenSet = ReadInt() == 1;
                    conditions[i] = new ScenarioConditionalRequirement(other, whenSet, Field());
                }
            }

            return new ScenarioParameterDescriptor(
                wireName,
                propertyName,
                type,
                description,
                (flags & Required) != 0,
                defaultJson,
                minimum,
                maximum,
                multipleOf,
                (flags & MultipleOfIsError) != 0,
                options,
                (flags & OptionsAreClosed) != 0,
                pairedWith,
                maxLength,
                assetKind,
                conditions,
                (flags & HasProseRules) != 0);
        }

        private string RequiredField() => Field() ?? throw Malformed();

        private int? ReadInt()
        {
            var text = Field();
            return text is null ? (int?)null : int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        private double? ReadDouble()
        {
            var text = Field();
            return text is null ? (double?)null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        /// <summary>The next field: null when empty, else its unescaped text.</summary>
        private string? Field()
        {
            var start = _position;
            var end = _text.IndexOf('|', start);
            var tilde = _text.IndexOf('~', start);
            if (end < 0)
            {
                throw Malformed();
            }

            if (tilde < 0 || tilde > end)
            {
                // The common case: no escape, one substring.
                _position = end + 1;
                return end == start ? null : _text.Substring(start, end - start);
            }

            var sb = new System.Text.StringBuilder(end - start);
            var present = false;
            var i = start;
            while (true)
            {
                if (i >= _text.Length)
                {
                    throw Malformed();
                }

                var c = _text[i++];
                if (c == '|')
                {
                    break;
                }

                if (c == '~')
                {
                    if (i >= _text.Length)
                    {
                        throw Malformed();
                    }

                    var next = _text[i++];
                    if (next == '0')
                    {
                        present = true;
                        continue;
                    }

                    c = next;
                }

                sb.Append(c);
            }

            _position = i;
            return sb.Length == 0 && !present ? null : sb.ToString();
        }

        private static ScenarioParameterType ParseType(string name)
        {
            switch (name)
            {
                case "String": return ScenarioParameterType.String;
                case "Number": return ScenarioParameterType.Number;
                case "Integer": return ScenarioParameterType.Integer;
                case "Boolean": return ScenarioParameterType.Boolean;
                case "Asset": return ScenarioParameterType.Asset;
                case "AssetArray": return ScenarioParameterType.AssetArray;
                case "Model": return ScenarioParameterType.Model;
                case "ModelArray": return ScenarioParameterType.ModelArray;
                case "StringArray": return ScenarioParameterType.StringArray;
                case "NumberArray": return ScenarioParameterType.NumberArray;
                case "Json": return ScenarioParameterType.Json;
                default: throw new FormatException("Unknown parameter type '" + name + "' in a generated descriptor table.");
            }
        }

        private static FormatException Malformed() =>
            new FormatException("A generated descriptor table is malformed: rebuild the project with the same LtxCodegen version as its runtime.");
    }
}
