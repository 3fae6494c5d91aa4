using System;
using System.Globalization;

namespace LtxCodegen
{
    /// <summary>
    /// The arithmetic of the rules, shared as source by the runtime's rule engine and the analyzer (linked into it), so
    /// both decide ranges, multiples and rounding the same way.
    /// </summary>
    /// <remarks>
    /// Multiples count from 0, not from the minimum: the docs say "multiple of 64" (k × 64), the service rounds widths
    /// and heights that way, and counting from a minimum such as 1 would make "multiple of 8" mean 1, 9, 17, which no
    /// doc means. Ranges and option sets compare exactly (a value past a bound is past it; a JSON number written with
    /// "R" round-trips exactly); only the multiple test allows a relative 1e-9 on the quotient, because steps such as
    /// 0.1 are not exact in binary.
    /// </remarks>
    internal static class ScenarioRuleMath
    {
        private const double StepTolerance = 1e-9;

        /// <summary>True when <paramref name="value"/> is a whole multiple of <paramref name="step"/> (counted from 0).</summary>
        public static bool IsMultiple(double value, double step)
        {
            if (!(step > 0) || double.IsInfinity(step))
            {
                return true;
            }

            var ratio = value / step;
            return Math.Abs(ratio - Math.Round(ratio)) <= StepTolerance * Math.Max(1, Math.Abs(ratio));
        }

        /// <summary>
        /// The multiple of <paramref name="step"/> nearest to <paramref name="value"/> (midpoints away from zero), moved
        /// one step back inside [minimum, maximum] when rounding pushed an in-range value out and the neighbour is
        /// inside. A value already out of range is only rounded (the range check reports it), so rounding twice gives
        /// the same number: the engine can normalize a body that was normalized already.
        /// </summary>
        public static double RoundToMultiple(double value, double step, double minimum, double maximum)
        {
            if (!(step > 0) || double.IsInfinity(step) || double.IsNaN(value) || double.IsInfinity(value))
            {
                return value;
            }

            // + 0.0 turns -0 (a small negative value rounded) into 0: "-0" is not a number anyone wrote or sends.
            var rounded = Math.Round(value / step, MidpointRounding.AwayFromZero) * step + 0.0;
            if (IsOutOfRange(value, minimum, maximum))
            {
                return rounded;
            }

            if (!double.IsNaN(maximum) && rounded > maximum && rounded - step >= (double.IsNaN(minimum) ? double.NegativeInfinity : minimum))
            {
                rounded -= step;
            }
            else if (!double.IsNaN(minimum) && rounded < minimum && rounded + step <= (double.IsNaN(maximum) ? double.PositiveInfinity : maximum))
            {
                rounded += step;
            }

            return rounded;
        }

        /// <summary>True when <paramref name="value"/> lies outside the inclusive bounds (NaN: no bound).</summary>
        public static bool IsOutOfRange(double value, double minimum, double maximum) =>
            (!double.IsNaN(minimum) && value < minimum) || (!double.IsNaN(maximum) && value > maximum);

        /// <summary>Writes a number the way every message shows it: round-trip, invariant.</summary>
        public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>"between 1 and 60", "at least 1" or "at most 60".</summary>
        public static string Bounds(double minimum, double maximum) =>
            !double.IsNaN(minimum) && !double.IsNaN(maximum) ? "between " + Format(minimum) + " and " + Format(maximum)
            : !double.IsNaN(minimum) ? "at least " + Format(minimum)
            : "at most " + Format(maximum);
    }
}
