using System.Collections.Generic;
using System.Linq;
using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>Builds the XML doc text of a parameter: description, default, range, options and other rules.</summary>
    internal static class ParameterDocs
    {
        public static string Summary(ParameterPlan p)
        {
            var d = p.Spec.Description;
            return string.IsNullOrWhiteSpace(d) ? "The <c>" + Escaping.Xml(p.Spec.WireName) + "</c> parameter." : Escaping.Xml(d!);
        }

        public static string Remarks(ParameterPlan p)
        {
            var s = p.Spec;
            var parts = new List<string>();
            // The wire name is said only when it is not the property's own name in camelCase (prompt → Prompt): the
            // ScenarioParameter attribute carries it either way.
            if (IsPropertyName(s.WireName, p.Property))
            {
                if (p.IsRequired)
                {
                    parts.Add("Required.");
                }
            }
            else
            {
                parts.Add("Sent as <c>" + Escaping.Xml(s.WireName) + "</c>" + (p.IsRequired ? " (required)." : "."));
            }

            if (s.Default is not null)
            {
                parts.Add("Default: <c>" + Escaping.Xml(s.Default.Json) + "</c>.");
            }

            if (s.Minimum is not null || s.Maximum is not null)
            {
                var range = s.Minimum?.Value is double min && s.Maximum?.Value is double max
                    ? "Range: " + Escaping.Number(min) + " to " + Escaping.Number(max)
                    : s.Minimum?.Value is double lo ? "Minimum: " + Escaping.Number(lo) : "Maximum: " + Escaping.Number(s.Maximum!.Value);
                var prose = s.Minimum.IsProse() || s.Maximum.IsProse();
                parts.Add(range + (prose ? " (read from the description)." : "."));
            }

            if (s.Options is { } allowed)
            {
                if (p.OptionStructName is null)
                {
                    var list = string.Join(", ", allowed.Value.Values.Select(o => "<c>" + Escaping.Xml(o) + "</c>"));
                    parts.Add((allowed.Value.IsClosed ? "Allowed values: " : "Known values (others are accepted): ") + list + (allowed.IsProse() ? " (read from the description)." : "."));
                }
                else if (allowed.IsProse())
                {
                    // The property's type is the option struct: its members are the values, its remarks say whether
                    // the set is closed. Only where the values came from is left to say.
                    parts.Add("Values read from the description.");
                }
            }

            if (s.PairedWith is not null)
            {
                parts.Add("Must be used with <c>" + Escaping.Xml(s.PairedWith.Value) + "</c>.");
            }

            if (s.MultipleOf?.Value is double step)
            {
                parts.Add(s.MultipleOfIsError
                    ? "Must be a multiple of " + Escaping.Number(step) + "."
                    : "Rounded to a multiple of " + Escaping.Number(step) + " when sent.");
            }

            if (s.MaxLength?.Value is int ml)
            {
                parts.Add("At most " + ml.ToString(System.Globalization.CultureInfo.InvariantCulture) + (p.IsList ? " items." : " characters."));
            }

            if (s.AssetKind is not null)
            {
                parts.Add("An asset id (" + Escaping.Xml(s.AssetKind) + ").");
            }

            foreach (var c in s.Conditions)
            {
                parts.Add("Required when <c>" + Escaping.Xml(c.OtherWireName) + "</c> is " + (c.WhenOtherIsSet ? "set." : "not set."));
            }

            return string.Join(" ", parts);
        }

        /// <summary>True when <paramref name="wireName"/> is <paramref name="property"/> itself or with its first letter in lower case.</summary>
        internal static bool IsPropertyName(string wireName, string property) =>
            wireName.Length == property.Length && wireName.Length > 0 &&
            (wireName[0] == property[0] || wireName[0] == char.ToLowerInvariant(property[0])) &&
            string.CompareOrdinal(wireName, 1, property, 1, wireName.Length - 1) == 0;
    }
}
