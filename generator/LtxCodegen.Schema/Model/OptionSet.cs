using System.Collections.Generic;

namespace LtxCodegen.Schema.Model
{
    /// <summary>
    /// A parameter's allowed values: the values as the doc writes them, the ones that are numbers read once as numbers
    /// (in order; the others left out), and whether the list is closed (other values rejected). Value-equal.
    /// </summary>
    public sealed record OptionSet
    {
        public OptionSet(EquatableArray<string> values, bool isClosed)
        {
            Values = values;
            Numbers = Parsing.Literals.Numbers(values);
            IsClosed = isClosed;
        }

        public EquatableArray<string> Values { get; }

        public EquatableArray<double> Numbers { get; }

        public bool IsClosed { get; }

        /// <summary>The allowed values with where they came from, or null when there are none.</summary>
        public static Sourced<OptionSet>? Of(IEnumerable<string>? values, bool isClosed, RuleOrigin origin)
        {
            var array = values is null ? EquatableArray<string>.Empty : values.ToEquatableArray();
            return array.IsEmpty ? null : new Sourced<OptionSet>(new OptionSet(array, isClosed), origin);
        }
    }
}
