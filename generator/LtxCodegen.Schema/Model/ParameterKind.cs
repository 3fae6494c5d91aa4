namespace LtxCodegen.Schema.Model
{
    /// <summary>The wire type of a parameter; mirrors LtxCodegen.ScenarioParameterType.</summary>
    public enum ParameterKind
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
