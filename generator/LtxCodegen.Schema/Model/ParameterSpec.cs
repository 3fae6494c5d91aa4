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

        /// <summary>The default, typed (its JSON text is <see cref="DocValue.Json"/>), or null.</summary>
        public DocValue? Default { get; init; }

        public Sourced<double>? Minimum { get; init; }

        public Sourced<double>? Maximum { get; init; }

        public Sourced<double>? MultipleOf { get; init; }

        public bool MultipleOfIsError { get; init; }

        /// <summary>The allowed values (strings as written, numbers read once, open or closed) and their origin, or null.</summary>
        public Sourced<OptionSet>? Options { get; init; }

        /// <summary>The parameter this one must be set together with.</summary>
        public Sourced<string>? PairedWith { get; init; }

        public Sourced<int>? MaxLength { get; init; }

        public string? AssetKind { get; init; }

        public EquatableArray<ConditionSpec> Conditions { get; init; } = EquatableArray<ConditionSpec>.Empty;

        /// <summary>Where the parameter is stated (its row or JSON object).</summary>
        public DocLocation Location { get; init; } = DocLocation.FileStart("");

        public bool HasProseRules =>
            Minimum.IsProse() || Maximum.IsProse() || MultipleOf.IsProse()
            || Options.IsProse()
            || PairedWith.IsProse() || MaxLength.IsProse();
    }
}
