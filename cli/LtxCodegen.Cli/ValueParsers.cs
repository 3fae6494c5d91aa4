using System;
using System.CommandLine.Parsing;
using System.Globalization;

namespace LtxCodegen.Cli
{
    /// <summary>
    /// Parsers for typed options that say what is wrong in words ("--extend-duration: 'abc' is not a number") instead of
    /// naming a .NET type. Numbers use the invariant culture ('.' decimal point).
    /// </summary>
    internal static class ValueParsers
    {
        public static double? Number(ArgumentResult result, string option)
        {
            if (result.Tokens.Count == 0)
            {
                result.AddError(option + " needs a number, e.g. " + option + " 4 or " + option + " 2.5.");
                return null;
            }

            var text = result.Tokens[0].Value;
            if (TryNumber(text, out var value))
            {
                return value;
            }

            result.AddError(option + ": '" + TerminalText.StripControls(text) + "' is not a number (write it like 4 or 2.5).");
            return null;
        }

        public static long? Integer(ArgumentResult result, string option)
        {
            if (result.Tokens.Count == 0)
            {
                result.AddError(option + " needs a whole number, e.g. " + option + " 4.");
                return null;
            }

            var text = result.Tokens[0].Value;
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError(option + ": '" + TerminalText.StripControls(text) + (TryNumber(text, out var number) && Math.Floor(number) == number
                ? "' is too large for a whole number."
                : "' is not a whole number (write it like 4)."));
            return null;
        }

        public static bool? Boolean(ArgumentResult result, string option)
        {
            if (result.Tokens.Count == 0)
            {
                return true; // a bare flag
            }

            var text = result.Tokens[0].Value;
            if (bool.TryParse(text, out var value))
            {
                return value;
            }

            result.AddError(option + ": '" + TerminalText.StripControls(text) + "' is not true or false (a bare " + option + " means true).");
            return null;
        }

        public static double[] Numbers(ArgumentResult result, string option)
        {
            var values = new double[result.Tokens.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var text = result.Tokens[i].Value;
                if (!TryNumber(text, out values[i]))
                {
                    result.AddError(option + ": '" + TerminalText.StripControls(text) + "' is not a number (write each like 4 or 2.5).");
                    return Array.Empty<double>();
                }
            }

            return values;
        }

        private static bool TryNumber(string text, out double value) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
