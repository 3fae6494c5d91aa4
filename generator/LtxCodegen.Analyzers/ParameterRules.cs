using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LtxCodegen.Analyzers
{
    /// <summary>The rules the generator attached to one request property.</summary>
    internal sealed class ParameterRules
    {
        public ParameterRules(IPropertySymbol property, string wireName, string modelId)
        {
            Property = property;
            WireName = wireName;
            ModelId = modelId;
        }

        public IPropertySymbol Property { get; }

        /// <summary>The JSON name, e.g. <c>fps</c>.</summary>
        public string WireName { get; }

        /// <summary>The model id of the request class, or the class name when it has none.</summary>
        public string ModelId { get; }

        public double Minimum { get; set; } = double.NaN;
        public double Maximum { get; set; } = double.NaN;
        public bool HasRange => !double.IsNaN(Minimum) || !double.IsNaN(Maximum);

        public ImmutableArray<string> Options { get; set; } = ImmutableArray<string>.Empty;
        public bool OptionsAreClosed { get; set; }

        public string? PairWireName { get; set; }

        public double MultipleOf { get; set; } = double.NaN;
        public bool MultipleOfIsError { get; set; }

        public bool IsRequired { get; set; }

        public int MaxLength { get; set; } = -1;
    }
}
