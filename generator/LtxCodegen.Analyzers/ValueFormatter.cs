using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LtxCodegen.Analyzers
{
    /// <summary>Formats values as C# literals for the code fixes (invariant culture); messages use ScenarioRuleMessages.</summary>
    internal static class ValueFormatter
    {
        /// <summary>A number as a person reads it: <c>120</c>, <c>0.5</c>, <c>-3</c>.</summary>
        public static string Number(double value)
        {
            if (Math.Abs(value) < 1e15 && value == Math.Floor(value))
            {
                return ((long)value).ToString(CultureInfo.InvariantCulture);
            }

            return value.ToString("R", CultureInfo.InvariantCulture);
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
