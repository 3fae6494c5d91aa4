using System.Collections.Generic;
using System.Globalization;
using System.Text;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>
    /// Encodes a model's parameters as the compact table the runtime reads once (<c>ScenarioModelDescriptor.FromTable</c>,
    /// format documented on the runtime's <c>ScenarioDescriptorText</c>): a string literal per parameter costs the
    /// compiler far less than a constructor call with named arguments and arrays.
    /// </summary>
    internal static class DescriptorTable
    {
        /// <summary>One parameter's fields, each ended by <c>|</c> (unescaped text, before C# literal escaping).</summary>
        public static string Encode(ParameterPlan p)
        {
            var s = p.Spec;
            var sb = new StringBuilder();
            Field(sb, s.WireName);
            Field(sb, p.Property);
            Field(sb, DescriptorEmitter.TypeName(s.Kind));
            var flags = (p.IsRequired ? 1 : 0) | (s.MultipleOf is not null && s.MultipleOfIsError ? 2 : 0)
                | (s.Options?.Value.IsClosed == true ? 4 : 0) | (s.HasProseRules ? 8 : 0);
            Field(sb, flags == 0 ? null : flags.ToString(CultureInfo.InvariantCulture));
            Field(sb, s.Description);
            Field(sb, s.Default?.Json);
            Field(sb, Number(s.Minimum?.Value));
            Field(sb, Number(s.Maximum?.Value));
            Field(sb, Number(s.MultipleOf?.Value));
            Field(sb, s.MaxLength?.Value.ToString(CultureInfo.InvariantCulture));
            Field(sb, s.AssetKind);
            Field(sb, s.PairedWith?.Value);
            var options = s.Options?.Value.Values ?? EquatableArray<string>.Empty;
            Count(sb, options.Count);
            foreach (var option in options)
            {
                Field(sb, option);
            }

            Count(sb, s.Conditions.Count);
            foreach (var c in s.Conditions)
            {
                Field(sb, c.OtherWireName);
                Field(sb, c.WhenOtherIsSet ? "1" : "0");
                Field(sb, c.Message);
            }

            return sb.ToString();
        }

        private static void Count(StringBuilder sb, int count) => Field(sb, count == 0 ? null : count.ToString(CultureInfo.InvariantCulture));

        private static string? Number(double? value) => value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : null;

        /// <summary>Null is an empty field; an empty string is <c>~0</c>; <c>|</c> and <c>~</c> are escaped with <c>~</c>.</summary>
        private static void Field(StringBuilder sb, string? value)
        {
            if (value is not null)
            {
                if (value.Length == 0)
                {
                    sb.Append("~0");
                }

                foreach (var c in value)
                {
                    if (c == '|' || c == '~')
                    {
                        sb.Append('~');
                    }

                    sb.Append(c);
                }
            }

            sb.Append('|');
        }
    }
}
