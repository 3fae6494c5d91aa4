using System;
using System.Text.Json;

namespace LtxCodegen
{
    /// <summary>
    /// Normalization on send, in one place: what a value becomes before it is validated and written. Generated
    /// <c>WriteJson</c> methods, the CLI's request bodies and <see cref="ScenarioRuleCheck"/> all call
    /// <see cref="Normalize"/>.
    /// </summary>
    public static class ScenarioRules
    {
        /// <summary>The wire names of <paramref name="model"/>'s parameters, encoded once, by descriptor position.</summary>
        public static JsonEncodedText[] EncodeWireNames(ScenarioModelDescriptor model)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            var names = new JsonEncodedText[model.Parameters.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = JsonEncodedText.Encode(model.Parameters[i].WireName);
            }

            return names;
        }

        /// <summary>
        /// The value sent for <paramref name="value"/>: rounded to the nearest multiple (counted from 0, midpoints away
        /// from zero, kept inside the range when a neighbouring multiple is) when the doc says the service rounds
        /// (<see cref="ScenarioParameterDescriptor.MultipleOfIsError"/> false); unchanged otherwise. For a list of numbers,
        /// each item is normalized the same way.
        /// </summary>
        public static double Normalize(ScenarioParameterDescriptor parameter, double value)
        {
            if (parameter is null)
            {
                throw new ArgumentNullException(nameof(parameter));
            }

            if (parameter.MultipleOf is not double step || parameter.MultipleOfIsError)
            {
                return value;
            }

            return ScenarioRuleMath.RoundToMultiple(value, step, parameter.Minimum ?? double.NaN, parameter.Maximum ?? double.NaN);
        }
    }
}
