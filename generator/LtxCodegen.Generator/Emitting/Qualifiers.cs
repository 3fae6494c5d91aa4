namespace LtxCodegen.Generator.Emitting
{
    /// <summary>
    /// The namespace aliases every generated file declares at the top of its namespace block, and the qualifiers that
    /// use them (shorter than <c>global::</c> on every reference). An <c>alias::</c> qualifier looks up aliases only, so a
    /// user type named <c>System</c>, <c>LtxCodegen</c> or like an alias cannot capture a reference; declared inside the
    /// namespace block, the aliases hide a user's <c>global using</c> of the same name instead of clashing with it.
    /// Generated code never names an alias without <c>::</c> (a user type of that name in the namespace would clash).
    /// </summary>
    internal static class Qualifiers
    {
        /// <summary>The runtime's namespace <c>LtxCodegen</c>.</summary>
        public const string Runtime = RuntimeAlias + "::";

        /// <summary>The rule attributes' namespace <c>LtxCodegen.Metadata</c> (the analyzer reads them).</summary>
        public const string Metadata = MetadataAlias + "::";

        /// <summary>The BCL's namespace <c>System</c>.</summary>
        public const string System = SystemAlias + "::";

        private const string RuntimeAlias = "__Ltx";
        private const string MetadataAlias = "__LtxMeta";
        private const string SystemAlias = "__Sys";

        /// <summary>The alias directives, in the order written.</summary>
        public static readonly string[] Directives =
        {
            "using " + RuntimeAlias + " = global::LtxCodegen;",
            "using " + MetadataAlias + " = global::LtxCodegen.Metadata;",
            "using " + SystemAlias + " = global::System;",
        };
    }
}
