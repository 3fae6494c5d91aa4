using System;
using System.Collections.Generic;

namespace LtxCodegen
{
    /// <summary>A Scenario model as its docs describe it: id, name and parameters with their rules.</summary>
    public sealed class ScenarioModelDescriptor
    {
        private readonly Dictionary<string, ScenarioParameterDescriptor> _byWireName;

        /// <summary>Creates a descriptor.</summary>
        /// <param name="id">The model id, e.g. <c>model_ltx-2-19b-extend-video</c>.</param>
        /// <param name="name">The display name from the doc.</param>
        /// <param name="typeName">The generated name stem, e.g. <c>Ltx2_19bExtendVideo</c>.</param>
        /// <param name="parameters">The parameters in doc order.</param>
        /// <param name="description">A short description, if the doc gives one.</param>
        public ScenarioModelDescriptor(
            string id,
            string name,
            string typeName,
            IReadOnlyList<ScenarioParameterDescriptor> parameters,
            string? description = null)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Name = name ?? throw new ArgumentNullException(nameof(name));
            TypeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
            Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
            Description = description;
            _byWireName = new Dictionary<string, ScenarioParameterDescriptor>(StringComparer.Ordinal);
            foreach (var p in parameters)
            {
                _byWireName[p.WireName] = p;
            }
        }

        /// <summary>
        /// Creates a descriptor from the compact parameter table generated code stores (one string per model, read
        /// once when the model's descriptor is first used). Generated code calls this; the table format belongs to the
        /// generator and this runtime version.
        /// </summary>
        /// <param name="id">The model id.</param>
        /// <param name="name">The display name.</param>
        /// <param name="typeName">The generated name stem.</param>
        /// <param name="description">A short description, if the doc gives one.</param>
        /// <param name="parameterTable">The parameters, as the generator encoded them.</param>
        public static ScenarioModelDescriptor FromTable(string id, string name, string typeName, string? description, string parameterTable) =>
            new ScenarioModelDescriptor(id, name, typeName, ScenarioDescriptorText.ReadParameters(parameterTable), description);

        /// <summary>The model id.</summary>
        public string Id { get; }

        /// <summary>The display name.</summary>
        public string Name { get; }

        /// <summary>The generated name stem, e.g. <c>Ltx2_19bExtendVideo</c>.</summary>
        public string TypeName { get; }

        /// <summary>A short description, if the doc gives one.</summary>
        public string? Description { get; }

        /// <summary>The parameters in doc order.</summary>
        public IReadOnlyList<ScenarioParameterDescriptor> Parameters { get; }

        /// <summary>Finds a parameter by wire name (ordinal), or null.</summary>
        public ScenarioParameterDescriptor? Find(string wireName) =>
            _byWireName.TryGetValue(wireName, out var p) ? p : null;

        /// <inheritdoc />
        public override string ToString() => Id;
    }
}
