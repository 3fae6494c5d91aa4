using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LtxCodegen
{
    /// <summary>
    /// What a request would cost, as the service prices it with <c>?dryRun=true</c> (nothing runs, nothing is charged):
    /// <c>{"creativeUnitsCost": 7.25, "creativeUnitsDiscount": 0, "costDetails": {"custom-generation": 6, "quality-gate": 1.25}}</c>.
    /// </summary>
    public sealed class ScenarioCostEstimate
    {
        private static readonly IReadOnlyDictionary<string, double> NoDetails = new Dictionary<string, double>(0, StringComparer.Ordinal);

        /// <summary>Creates an estimate.</summary>
        public ScenarioCostEstimate(string modelId, double creativeUnits, double discount = 0, IReadOnlyDictionary<string, double>? details = null)
        {
            ModelId = modelId ?? throw new ArgumentNullException(nameof(modelId));
            if (double.IsNaN(creativeUnits) || double.IsInfinity(creativeUnits) || creativeUnits < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(creativeUnits), creativeUnits, "A cost is a finite number of creative units, 0 or more.");
            }

            if (double.IsNaN(discount) || double.IsInfinity(discount))
            {
                throw new ArgumentOutOfRangeException(nameof(discount), discount, "A discount is a finite number.");
            }

            CreativeUnits = creativeUnits;
            Discount = discount;
            Details = details ?? NoDetails;
        }

        /// <summary>The model the request is for.</summary>
        public string ModelId { get; }

        /// <summary>
        /// The price in creative units (<c>creativeUnitsCost</c>, or <c>estimatedCost</c> in a workflow's 402 answer): the figure
        /// <see cref="ScenarioClientOptions.MaxCostPerJob"/> is compared with.
        /// </summary>
        public double CreativeUnits { get; }

        /// <summary>The discount the service states (<c>creativeUnitsDiscount</c>), 0 when none.</summary>
        public double Discount { get; }

        /// <summary>The price broken down by item (<c>costDetails</c>, e.g. <c>custom-generation</c>, <c>quality-gate</c>); empty when not given.</summary>
        public IReadOnlyDictionary<string, double> Details { get; }

        /// <inheritdoc />
        public override string ToString()
        {
            var text = CreativeUnits.ToString("0.###", CultureInfo.InvariantCulture) + " CU";
            if (Discount != 0)
            {
                text += " (discount " + Discount.ToString("0.###", CultureInfo.InvariantCulture) + ")";
            }

            if (Details.Count > 0)
            {
                text += " [" + string.Join(", ", Details.OrderBy(d => d.Key, StringComparer.Ordinal)
                    .Select(d => d.Key + ": " + d.Value.ToString("0.###", CultureInfo.InvariantCulture))) + "]";
            }

            return text;
        }
    }
}
