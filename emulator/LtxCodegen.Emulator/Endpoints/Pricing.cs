using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LtxCodegen.Emulator.Endpoints
{
    /// <summary>
    /// The emulator's price list, in the real dry-run shape
    /// <c>{"creativeUnitsCost": 7.25, "creativeUnitsDiscount": 0, "costDetails": {"custom-generation": 6, "quality-gate": 1.25}}</c>.
    /// <list type="bullet">
    /// <item>Video models: <c>custom-generation</c> = 5 CU per output second (<c>extendDuration</c> or <c>duration</c>, else the
    /// model's default, else 4 s) × <c>numInferenceSteps</c> / 40 (default 40), at least 1; <c>quality-gate</c> = 0.25 CU per
    /// output second.</item>
    /// <item>Other models: <c>custom-generation</c> = 1 CU.</item>
    /// </list>
    /// Items are rounded to 2 decimals; the cost is their sum; the discount is always 0.
    /// </summary>
    internal static class Pricing
    {
        public static EmulatorPrice Price(ScenarioModelDescriptor model, JsonElement body)
        {
            if (!GenerateEndpoints.ProducesVideo(model))
            {
                return new EmulatorPrice(1, new[] { ("custom-generation", 1.0) });
            }

            var seconds = Number(model, body, "extendDuration") ?? Number(model, body, "duration") ?? 4;
            var steps = Number(model, body, "numInferenceSteps") ?? 40;
            var generation = Math.Max(1, Math.Round(seconds * 5 * steps / 40, 2, MidpointRounding.AwayFromZero));
            var gate = Math.Round(seconds * 0.25, 2, MidpointRounding.AwayFromZero);
            return new EmulatorPrice(Math.Round(generation + gate, 2), new[] { ("custom-generation", generation), ("quality-gate", gate) });
        }

        private static double? Number(ScenarioModelDescriptor model, JsonElement body, string name)
        {
            if (body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number)
            {
                return v.GetDouble();
            }

            var d = model.Find(name)?.DefaultJson;
            return d is not null && double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
    }

    /// <summary>A price: the total in creative units and its items.</summary>
    internal sealed record EmulatorPrice(double Total, (string Name, double Units)[] Items)
    {
        public JsonObject DetailsJson()
        {
            var details = new JsonObject();
            foreach (var (name, units) in Items)
            {
                details[name] = units;
            }

            return details;
        }

        /// <summary>The dry-run answer.</summary>
        public JsonObject DryRunJson() => new JsonObject
        {
            ["creativeUnitsCost"] = Total,
            ["creativeUnitsDiscount"] = 0,
            ["costDetails"] = DetailsJson(),
        };

        public override string ToString() => Total.ToString(CultureInfo.InvariantCulture) + " CU (" + string.Join(", ", Items.Select(i => i.Name + " " + i.Units.ToString(CultureInfo.InvariantCulture))) + ")";
    }
}
