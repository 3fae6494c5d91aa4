using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LtxCodegen.Analyzers
{
    /// <summary>Formats values for messages and as C# literals for the code fixes (invariant culture).</summary>
    internal static class ValueFormatter
    {
        private const int MaxListedOptions = 12;

        /// <summary>A number as a person reads it: <c>120</c>, <c>0.5</c>, <c>-3</c>.</summary>
        public static string Number(double value)
        {
            if (Math.Abs(value) < 1e15 && value == Math.Floor(value))
            {
                return ((long)value).ToString(CultureInfo.InvariantCulture);
            }

            return value.ToString("R", CultureInfo.InvariantCulture);
        }

        /// <summary>A constant as the message shows it: numbers bare, strings quoted.</summary>
        public static string Display(object value) =>
            value is string text
                ? SymbolDisplay.FormatLiteral(text, quote: true)
                : ConstantReader.TryGetNumber(value, out var number) ? Number(number) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

        /// <summary>The range as a message shows it: <c>1–60</c>, <c>≥ 0</c>, <c>≤ 10</c>.</summary>
        public static string Range(double minimum, double maximum)
        {
            if (!double.IsNaN(minimum) && !double.IsNaN(maximum))
            {
                return Number(minimum) + "\u2013" + Number(maximum);
            }

            return double.IsNaN(maximum) ? "\u2265 " + Number(minimum) : "\u2264 " + Number(maximum);
        }

        /// <summary>A list of options for a message: <c>"none", "canny", "depth"</c>.</summary>
        public static string Options(ImmutableArray<string> options)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < options.Length && i < MaxListedOptions; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(SymbolDisplay.FormatLiteral(options[i], quote: true));
            }

            if (options.Length > MaxListedOptions)
            {
                builder.Append(", \u2026");
            }

            return builder.ToString();
        }

        /// <summary>A C# literal of <paramref name="value"/> that converts to <paramref name="target"/>.</summary>
        public static string Literal(double value, ITypeSymbol target)
        {
            var type = Underlying(target);
            switch (type.SpecialType)
            {
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                    return Number(Math.Round(value, MidpointRounding.AwayFromZero));
                case SpecialType.System_Single:
                    return Number(value) + (IsWhole(value) ? string.Empty : "f");
                case SpecialType.System_Decimal:
                    return Number(value) + (IsWhole(value) ? string.Empty : "m");
                default:
                    var text = Number(value);
                    return IsWhole(value) || text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
            }
        }

        /// <summary>A C# string literal.</summary>
        public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        private static bool IsWhole(double value) => Math.Abs(value) < 1e15 && value == Math.Floor(value);

        private static ITypeSymbol Underlying(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0]
                : type;
    }
}
