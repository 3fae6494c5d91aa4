using System.Collections.Generic;
using System.Linq;

namespace LtxCodegen
{
    /// <summary>A request broke its model's rules; nothing was sent.</summary>
    public sealed class ScenarioValidationException : ScenarioException
    {
        /// <summary>Creates an error listing every broken rule.</summary>
        public ScenarioValidationException(string modelId, IReadOnlyList<ValidationError> errors)
            : base("The request for " + modelId + " is invalid (" + errors.Count + " error" + (errors.Count == 1 ? "" : "s") + "): " +
                   string.Join("; ", errors.Select(e => e.ToString())), null, null)
        {
            ModelId = modelId;
            Errors = errors;
        }

        /// <summary>The model the request was for.</summary>
        public string ModelId { get; }

        /// <summary>Every broken rule.</summary>
        public IReadOnlyList<ValidationError> Errors { get; }
    }
}
