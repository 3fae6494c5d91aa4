using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace LtxCodegen
{
    /// <summary>
    /// Checks a raw JSON request body against a model's descriptor: JSON types and unknown parameters here, every
    /// other rule by <see cref="ScenarioRuleCheck"/>, the engine generated <c>Validate()</c> methods run too, so a body
    /// gets the same errors and messages as the typed request that would write it. The emulator, the CLI and batch
    /// files use it for bodies that did not come from a generated request class.
    /// </summary>
    public static class ScenarioRequestValidator
    {
        /// <summary>
        /// Validates <paramref name="body"/> (the JSON object sent to <c>POST /v1/generate/custom/{modelId}</c>)
        /// against <paramref name="model"/>. Returns one error per problem: value errors in the model's parameter order, then
        /// required, conditional and pair errors in parameter order, then unknown parameters in body order; empty when the body is valid. A JSON <c>null</c> counts as not set.
        /// </summary>
        public static IReadOnlyList<ValidationError> Validate(ScenarioModelDescriptor model, JsonElement body)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            var errors = new List<ValidationError>();
            if (body.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ValidationError("$", ValidationRule.Type,
                    "The request body must be a JSON object, not " + Describe(body.ValueKind) + "."));
                return errors;
            }

            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var unknown = new List<string>();
            foreach (var property in body.EnumerateObject())
            {
                if (model.Find(property.Name) is null)
                {
                    if (!unknown.Contains(property.Name))
                    {
                        unknown.Add(property.Name);
                    }
                }
                else if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    values[property.Name] = property.Value;
                }
            }

            var check = new ScenarioRuleCheck(model);
            for (var i = 0; i < model.Parameters.Count; i++)
            {
                var parameter = model.Parameters[i];
                if (values.TryGetValue(parameter.WireName, out var value))
                {
                    CheckValue(check, i, parameter, value);
                }
            }

            errors.AddRange(check.Finish());
            foreach (var name in unknown)
            {
                errors.Add(new ValidationError(name, ValidationRule.Type,
                    "'" + name + "' is not a parameter of " + model.Id + Suggest(model, name) + "."));
            }

            return errors;
        }

        private static void CheckValue(ScenarioRuleCheck check, int index, ScenarioParameterDescriptor parameter, JsonElement value)
        {
            switch (parameter.Type)
            {
                case ScenarioParameterType.String:
                case ScenarioParameterType.Asset:
                case ScenarioParameterType.Model:
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        check.WrongType(index, TypeMessage(parameter, value, "a string"));
                        return;
                    }

                    check.Text(index, value.GetString());
                    return;

                case ScenarioParameterType.Number:
                case ScenarioParameterType.Integer:
                    if (value.ValueKind != JsonValueKind.Number)
                    {
                        check.WrongType(index, TypeMessage(parameter, value, parameter.Type == ScenarioParameterType.Integer ? "a whole number" : "a number"));
                        return;
                    }

                    check.Number(index, value.GetDouble());
                    return;

                case ScenarioParameterType.Boolean:
                    if (value.ValueKind != JsonValueKind.True && value.ValueKind != JsonValueKind.False)
                    {
                        check.WrongType(index, TypeMessage(parameter, value, "true or false"));
                        return;
                    }

                    check.Flag(index, true);
                    return;

                case ScenarioParameterType.AssetArray:
                case ScenarioParameterType.ModelArray:
                case ScenarioParameterType.StringArray:
                case ScenarioParameterType.NumberArray:
                    CheckArray(check, index, parameter, value);
                    return;

                default:
                    if (parameter.Type == ScenarioParameterType.Json && value.ValueKind == JsonValueKind.Array && IsListOfValues(parameter))
                    {
                        check.Values(index, value.GetArrayLength());
                        return;
                    }

                    check.Json(index, value);
                    return;
            }
        }

        // object[] and inputs_array parameters are lists of JSON values: their length rules apply.
        private static bool IsListOfValues(ScenarioParameterDescriptor parameter) => parameter.MaxLength is not null;

        private static void CheckArray(ScenarioRuleCheck check, int index, ScenarioParameterDescriptor parameter, JsonElement value)
        {
            var name = parameter.WireName;
            var numbers = parameter.Type == ScenarioParameterType.NumberArray;
            var expected = numbers ? "a list of numbers" : "a list of strings";
            if (value.ValueKind != JsonValueKind.Array)
            {
                check.WrongType(index, TypeMessage(parameter, value, expected));
                return;
            }

            var index2 = 0;
            foreach (var item in value.EnumerateArray())
            {
                var ok = numbers ? item.ValueKind == JsonValueKind.Number : item.ValueKind == JsonValueKind.String;
                if (!ok)
                {
                    check.WrongType(index, name + "[" + index2.ToString(CultureInfo.InvariantCulture) + "] must be " +
                        (numbers ? "a number" : "a string") + " (got " + Describe(item.ValueKind) + ").");
                    return;
                }

                index2++;
            }

            if (numbers)
            {
                var list = new List<double>(index2);
                foreach (var item in value.EnumerateArray())
                {
                    list.Add(item.GetDouble());
                }

                check.Numbers(index, list);
            }
            else
            {
                var list = new List<string>(index2);
                foreach (var item in value.EnumerateArray())
                {
                    list.Add(item.GetString()!);
                }

                check.Texts(index, list);
            }
        }

        private static string TypeMessage(ScenarioParameterDescriptor parameter, JsonElement value, string expected) =>
            parameter.WireName + " must be " + expected + " (got " + Describe(value.ValueKind) + ").";

        private static string Suggest(ScenarioModelDescriptor model, string name)
        {
            foreach (var parameter in model.Parameters)
            {
                if (string.Equals(parameter.WireName, name, StringComparison.OrdinalIgnoreCase))
                {
                    return " (did you mean '" + parameter.WireName + "'?)";
                }
            }

            return "";
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };

    }
}
