namespace LtxCodegen.Generator.Model
{
    /// <summary>The wire type of a parameter; mirrors LtxCodegen.ScenarioParameterType.</summary>
    internal enum ParameterKind
    {
        String,
        Number,
        Integer,
        Boolean,
        Asset,
        AssetArray,
        Model,
        ModelArray,
        StringArray,
        NumberArray,
        Json,
        JsonArray,
    }
}
