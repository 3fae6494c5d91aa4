namespace LtxCodegen
{
    /// <summary>The wire type of a model parameter.</summary>
    public enum ScenarioParameterType
    {
        /// <summary>A JSON string.</summary>
        String,
        /// <summary>A JSON number that may hold a fraction.</summary>
        Number,
        /// <summary>A JSON number that is a whole number.</summary>
        Integer,
        /// <summary>A JSON boolean.</summary>
        Boolean,
        /// <summary>An asset id string (<c>assetId</c>, <c>file</c>): an uploaded image, video, audio or 3D file.</summary>
        Asset,
        /// <summary>A list of asset ids (<c>assetId[]</c>, <c>file_array</c>).</summary>
        AssetArray,
        /// <summary>A model id string (<c>model</c>).</summary>
        Model,
        /// <summary>A list of model ids (<c>model_array</c>).</summary>
        ModelArray,
        /// <summary>A list of strings.</summary>
        StringArray,
        /// <summary>A list of numbers.</summary>
        NumberArray,
        /// <summary>Any JSON value (objects, <c>object[]</c>, <c>inputs_array</c>): sent as given.</summary>
        Json,
    }
}
