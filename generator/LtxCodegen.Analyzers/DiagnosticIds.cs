namespace LtxCodegen.Analyzers
{
    /// <summary>The ids of the LTX1xxx diagnostics (shared with the code fixes).</summary>
    public static class DiagnosticIds
    {
        /// <summary>A constant is outside the documented range.</summary>
        public const string OutOfRange = "LTX1001";

        /// <summary>A constant is not in a closed option set.</summary>
        public const string UnknownOption = "LTX1002";

        /// <summary>A constant is not in an open option set.</summary>
        public const string UndocumentedOption = "LTX1003";

        /// <summary>One member of a pair is set without the other.</summary>
        public const string PairBroken = "LTX1004";

        /// <summary>A constant will be rounded to the documented multiple.</summary>
        public const string RoundedToMultiple = "LTX1005";

        /// <summary>A constant is not the multiple the doc requires.</summary>
        public const string NotAMultiple = "LTX1006";

        /// <summary>A required parameter is not set where the compiler cannot enforce it.</summary>
        public const string RequiredMissing = "LTX1007";

        /// <summary>A string constant is longer than the documented maximum.</summary>
        public const string TooLong = "LTX1008";
    }
}
