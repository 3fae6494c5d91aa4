namespace LtxCodegen.Schema.Model
{
    /// <summary>
    /// One parameter as one doc states it. Unset rules are null. Every value is plain data (no Roslyn objects),
    /// so the incremental pipeline can compare it.
    /// </summary>
    public sealed record ParameterSpec
    {
        public string WireName { get; init; } = "";

        public ParameterKind Kind { get; init; }

        /// <summary>The type as written in the doc (for messages).</summary>
        public string RawType { get; init; } = "";

        /// <summary>The description as the doc writes it (markdown escapes removed).</summary>
        public string? Description { get; init; }

        /// <summary>True/false when the doc says; null when it does not say.</summary>
        public bool? Required { get; init; }

        /// <summary>The default as a JSON literal, or null.</summary>
        public string? DefaultJson { get; init; }

        public double? Minimum { get; init; }

        public RuleOrigin MinimumOrigin { get; init; }

        public double? Maximum { get; init; }

        public RuleOrigin MaximumOrigin { get; init; }

        public double? MultipleOf { get; init; }

        public bool MultipleOfIsError { get; init; }

        public RuleOrigin MultipleOfOrigin { get; init; }

        public EquatableArray<string> Options { get; init; } = EquatableArray<string>.Empty;

        public bool OptionsAreClosed { get; init; }

        public RuleOrigin OptionsOrigin { get; init; }

        public string? PairedWith { get; init; }

        public RuleOrigin PairOrigin { get; init; }

        public int? MaxLength { get; init; }

        public RuleOrigin MaxLengthOrigin { get; init; }

        public string? AssetKind { get; init; }

        public EquatableArray<ConditionSpec> Conditions { get; init; } = EquatableArray<ConditionSpec>.Empty;

        /// <summary>Where the parameter is stated (its row or JSON object).</summary>
        public DocLocation Location { get; init; } = DocLocation.FileStart("");

        public bool HasProseRules =>
            (Minimum is not null && MinimumOrigin == RuleOrigin.Prose)
            || (Maximum is not null && MaximumOrigin == RuleOrigin.Prose)
            || (MultipleOf is not null && MultipleOfOrigin == RuleOrigin.Prose)
            || (!Options.IsEmpty && OptionsOrigin == RuleOrigin.Prose)
            || (PairedWith is not null && PairOrigin == RuleOrigin.Prose)
            || (MaxLength is not null && MaxLengthOrigin == RuleOrigin.Prose);
    }
}
