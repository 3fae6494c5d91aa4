using System;
using System.Collections.Generic;

namespace LtxCodegen
{
    /// <summary>One parameter of a model: its wire name, type, default and every rule the doc states.</summary>
    public sealed class ScenarioParameterDescriptor
    {
        private static readonly string[] NoOptions = Array.Empty<string>();
        private static readonly ScenarioConditionalRequirement[] NoConditions = Array.Empty<ScenarioConditionalRequirement>();

        /// <summary>Creates a descriptor. Generated code calls this with named arguments.</summary>
        public ScenarioParameterDescriptor(
            string wireName,
            string propertyName,
            ScenarioParameterType type,
            string? description = null,
            bool isRequired = false,
            string? defaultJson = null,
            double? minimum = null,
            double? maximum = null,
            double? multipleOf = null,
            bool multipleOfIsError = false,
            IReadOnlyList<string>? options = null,
            bool optionsAreClosed = false,
            string? pairedWith = null,
            int? maxLength = null,
            string? assetKind = null,
            IReadOnlyList<ScenarioConditionalRequirement>? conditions = null,
            bool hasProseRules = false)
        {
            WireName = wireName ?? throw new ArgumentNullException(nameof(wireName));
            PropertyName = propertyName ?? throw new ArgumentNullException(nameof(propertyName));
            Type = type;
            Description = description;
            IsRequired = isRequired;
            DefaultJson = defaultJson;
            Minimum = minimum;
            Maximum = maximum;
            MultipleOf = multipleOf;
            MultipleOfIsError = multipleOfIsError;
            Options = options ?? NoOptions;
            OptionsAreClosed = optionsAreClosed;
            PairedWith = pairedWith;
            MaxLength = maxLength;
            AssetKind = assetKind;
            Conditions = conditions ?? NoConditions;
            HasProseRules = hasProseRules;
        }

        /// <summary>The exact JSON name, e.g. <c>fps</c>.</summary>
        public string WireName { get; }

        /// <summary>The generated C# property name, e.g. <c>Fps</c>.</summary>
        public string PropertyName { get; }

        /// <summary>The wire type.</summary>
        public ScenarioParameterType Type { get; }

        /// <summary>The doc's description, as written.</summary>
        public string? Description { get; }

        /// <summary>True when the parameter must always be sent.</summary>
        public bool IsRequired { get; }

        /// <summary>The default as a JSON literal (e.g. <c>40</c>, <c>"auto"</c>, <c>true</c>), or null when none.</summary>
        public string? DefaultJson { get; }

        /// <summary>The inclusive minimum, if any.</summary>
        public double? Minimum { get; }

        /// <summary>The inclusive maximum, if any.</summary>
        public double? Maximum { get; }

        /// <summary>The step the value is a multiple of, if any.</summary>
        public double? MultipleOf { get; }

        /// <summary>True when a value off the step is an error; false when it is rounded on serialization.</summary>
        public bool MultipleOfIsError { get; }

        /// <summary>The known values (strings, or numbers written invariantly); empty when none are listed.</summary>
        public IReadOnlyList<string> Options { get; }

        /// <summary>True when <see cref="Options"/> lists every accepted value.</summary>
        public bool OptionsAreClosed { get; }

        /// <summary>The wire name of the parameter this one must be used with, if any.</summary>
        public string? PairedWith { get; }

        /// <summary>The longest string or the most list items accepted, if stated.</summary>
        public int? MaxLength { get; }

        /// <summary>For assets: the kind of file (<c>image</c>, <c>video</c>, <c>audio</c>, <c>3d</c>), when known.</summary>
        public string? AssetKind { get; }

        /// <summary>Conditional requirements (<c>ifDefined</c> / <c>ifNotDefined</c>).</summary>
        public IReadOnlyList<ScenarioConditionalRequirement> Conditions { get; }

        /// <summary>True when some of the rules above were extracted from the description's prose.</summary>
        public bool HasProseRules { get; }

        /// <inheritdoc />
        public override string ToString() => WireName + " (" + Type + ")";
    }
}
