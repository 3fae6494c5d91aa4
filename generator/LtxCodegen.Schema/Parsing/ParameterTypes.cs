using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>Maps the type names the three doc formats use to a <see cref="ParameterKind"/>.</summary>
    internal static class ParameterTypes
    {
        /// <summary>Returns false for a type no format uses.</summary>
        public static bool TryParse(string raw, out ParameterKind kind)
        {
            var t = raw.Trim().Replace("\\", string.Empty).Replace(" ", string.Empty).ToLowerInvariant();
            switch (t)
            {
                case "string":
                case "text":
                case "enum":
                    kind = ParameterKind.String;
                    return true;
                case "number":
                case "float":
                case "double":
                case "decimal":
                    kind = ParameterKind.Number;
                    return true;
                case "integer":
                case "int":
                case "long":
                    kind = ParameterKind.Integer;
                    return true;
                case "boolean":
                case "bool":
                    kind = ParameterKind.Boolean;
                    return true;
                case "assetid":
                case "file":
                case "asset":
                case "image":
                case "video":
                case "audio":
                    kind = ParameterKind.Asset;
                    return true;
                case "assetid[]":
                case "file_array":
                case "file[]":
                case "asset[]":
                case "image[]":
                    kind = ParameterKind.AssetArray;
                    return true;
                case "model":
                case "modelid":
                    kind = ParameterKind.Model;
                    return true;
                case "model[]":
                case "model_array":
                    kind = ParameterKind.ModelArray;
                    return true;
                case "string[]":
                case "string_array":
                    kind = ParameterKind.StringArray;
                    return true;
                case "number[]":
                case "number_array":
                case "integer[]":
                    kind = ParameterKind.NumberArray;
                    return true;
                case "object":
                case "json":
                    kind = ParameterKind.Json;
                    return true;
                case "object[]":
                case "inputs_array":
                case "array":
                    kind = ParameterKind.JsonArray;
                    return true;
                default:
                    kind = ParameterKind.Json;
                    return false;
            }
        }

        public static bool IsNumeric(ParameterKind kind) => kind == ParameterKind.Number || kind == ParameterKind.Integer;

        public static bool IsArray(ParameterKind kind) =>
            kind == ParameterKind.AssetArray || kind == ParameterKind.ModelArray || kind == ParameterKind.StringArray
            || kind == ParameterKind.NumberArray || kind == ParameterKind.JsonArray;

        public static bool IsStringLike(ParameterKind kind) =>
            kind == ParameterKind.String || kind == ParameterKind.Asset || kind == ParameterKind.Model;
    }
}
