using System.Collections.Generic;

namespace LtxCodegen.Emulator
{
    /// <summary>The models compiled into the emulator from the repository's <c>schemas/</c>.</summary>
    internal static class BuiltInModels
    {
        public static IReadOnlyList<ScenarioModelDescriptor> All => ScenarioModels.All;
    }
}
