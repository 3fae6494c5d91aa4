namespace LtxCodegen.Unity
{
    /// <summary>
    /// The com.ltxcodegen package's own assembly (LtxCodegen.Unity.asmdef). It exists so that the LtxCodegen generator
    /// and analyzer in Runtime/Analyzers apply where they should: Unity runs an analyzer found in an assembly definition's
    /// folder for that assembly and every assembly that references it (Assembly-CSharp references it automatically).
    /// </summary>
    public static class LtxCodegenPackage
    {
        /// <summary>The installed com.ltxcodegen version (worth quoting in bug reports).</summary>
        public const string Version = "@VERSION@";
    }
}
