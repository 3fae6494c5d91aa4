using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LtxCodegen.Analyzers
{
    /// <summary>Finds the compile-time constant behind a value, looking through conversions.</summary>
    internal static class ConstantReader
    {
        /// <summary>
        /// The constant a value holds, looking through implicit and explicit conversions (to a nullable type, to a
        /// generated option struct from string): <c>Fps = 120</c>, <c>(int)130.5</c>, <c>-5</c>, <c>30 * 4</c>,
        /// a <c>const</c> field, <c>Modality = "cany"</c>.
        /// </summary>
        public static Optional<object?> Read(IOperation? operation)
        {
            for (var current = operation; current is not null;)
            {
                if (current.ConstantValue.HasValue)
                {
                    return current.ConstantValue;
                }

                current = current is IConversionOperation conversion ? conversion.Operand : null;
            }

            return default;
        }

        /// <summary>Converts a numeric constant to double; false for anything else.</summary>
        public static bool TryGetNumber(object? value, out double number)
        {
            switch (value)
            {
                case sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal:
                    number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    return true;
                default:
                    number = 0;
                    return false;
            }
        }
    }
}
