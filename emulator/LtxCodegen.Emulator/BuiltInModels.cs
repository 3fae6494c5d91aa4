using System.Collections.Generic;

namespace LtxCodegen.Emulator
{
    /// <summary>The models compiled into the emulator from the repository's <c>schemas/</c> (generated into <c>LtxCodegen.Emulator.Models</c>).</summary>
    internal static class BuiltInModels
    {
        public static IReadOnlyList<ScenarioModelDescriptor> All => LtxCodegen.Emulator.Models.ScenarioModels.All;
    }
}
