using System;
using System.Collections.Generic;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Merging
{
    /// <summary>
    /// While one model is merged: which doc each parameter's values came from, so a later disagreement is judged
    /// against the doc that actually stated the kept value (not merely the first doc of the model).
    /// </summary>
    internal sealed class ValueSources
    {
        private readonly Dictionary<string, DocStanding> introducedBy = new Dictionary<string, DocStanding>(StringComparer.Ordinal);
        private readonly Dictionary<string, ValueSource> taken = new Dictionary<string, ValueSource>(StringComparer.Ordinal);

        /// <summary>The doc that first lists the parameter states all its values until another doc's are taken.</summary>
        public void Introduce(string wireName, DocStanding doc)
        {
            if (!introducedBy.ContainsKey(wireName))
            {
                introducedBy[wireName] = doc;
            }
        }

        public ValueSource Of(ParameterSpec merged, string field) =>
            taken.TryGetValue(Key(merged.WireName, field), out var source)
                ? source
                : new ValueSource(introducedBy[merged.WireName], merged.Location);

        public void Take(string wireName, string field, ValueSource source) => taken[Key(wireName, field)] = source;

        private static string Key(string wireName, string field) => wireName + "\n" + field;
    }
}
