using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace LtxCodegen
{
    /// <summary>
    /// Checks a raw JSON request body against a model's descriptor: unknown parameters, types, required and
    /// conditionally required parameters, ranges, closed option sets, pairs, lengths and steps. The emulator and the
    /// CLI use it for bodies that did not come from a generated request class.
    /// </summary>
    public static class ScenarioRequestValidator
    {
        private const double Tolerance = 1e-9;

        /// <summary>
        /// Validates <paramref name="body"/> (the JSON object sent to <c>POST /v1/generate/custom/{modelId}</c>)
        /// against <paramref name="model"/>. Returns one error per problem, in the model's parameter order followed by
        /// unknown parameters in body order; empty when the body is valid. A JSON <c>null</c> counts as not set.
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

            foreach (var parameter in model.Parameters)
            {
                if (values.TryGetValue(parameter.WireName, out var value))
                {
                    CheckValue(model, parameter, value, values, errors);
                }
                else
                {
                    CheckMissing(model, parameter, values, errors);
                }
            }

            foreach (var name in unknown)
            {
                errors.Add(new ValidationError(name, ValidationRule.Type,
                    "'" + name + "' is not a parameter of " + model.Id + Suggest(model, name) + "."));
            }

            return errors;
        }

        private static void CheckMissing(
            ScenarioModelDescriptor model,
            ScenarioParameterDescriptor parameter,
            Dictionary<string, JsonElement> values,
            List<ValidationError> errors)
        {
            if (parameter.IsRequired)
            {
                errors.Add(new ValidationError(parameter.WireName, ValidationRule.Required,
                    "'" + parameter.WireName + "' is required by " + model.Id + "."));
                return;
            }

            foreach (var condition in parameter.Conditions)
            {
                var otherIsSet = values.ContainsKey(condition.OtherWireName);
                if (otherIsSet == condition.WhenOtherIsSet)
                {
                    var message = condition.Message;
                    if (string.IsNullOrWhiteSpace(message))
                    {
                        message = "'" + parameter.WireName + "' is required when '" + condition.OtherWireName + "' is " +
                                  (condition.WhenOtherIsSet ? "set." : "not set.");
                    }
                    else
                    {
                        message = "'" + parameter.WireName + "': " + message;
                    }

                    errors.Add(new ValidationError(parameter.WireName, ValidationRule.ConditionalRequired, message!));
                    return;
                }
            }
        }

        private static void CheckValue(
            ScenarioModelDescriptor model,
            ScenarioParameterDescriptor parameter,
            JsonElement value,
            Dictionary<string, JsonElement> values,
            List<ValidationError> errors)
        {
            var name = parameter.WireName;
            switch (parameter.Type)
            {
                case ScenarioParameterType.String:
                case ScenarioParameterType.Asset:
                case ScenarioParameterType.Model:
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        errors.Add(TypeError(parameter, value, "a string"));
                        return;
                    }

                    var text = value.GetString()!;
                    if (parameter.IsRequired && text.Trim().Length == 0)
                    {
                        errors.Add(new ValidationError(name, ValidationRule.Required,
                            "'" + name + "' is required by " + model.Id + " and must not be empty."));
                        return;
                    }

                    CheckStringRules(parameter, text, name, errors);
                    break;

                case ScenarioParameterType.Number:
                case ScenarioParameterType.Integer:
                    if (value.ValueKind != JsonValueKind.Number)
                    {
                        errors.Add(TypeError(parameter, value, parameter.Type == ScenarioParameterType.Integer ? "a whole number" : "a number"));
                        return;
                    }

                    CheckNumber(parameter, value.GetDouble(), name, errors);
                    break;

                case ScenarioParameterType.Boolean:
                    if (value.ValueKind != JsonValueKind.True && value.ValueKind != JsonValueKind.False)
                    {
                        errors.Add(TypeError(parameter, value, "true or false"));
                        return;
                    }

                    break;

                case ScenarioParameterType.AssetArray:
                case ScenarioParameterType.ModelArray:
                case ScenarioParameterType.StringArray:
                case ScenarioParameterType.NumberArray:
                    if (!CheckArray(parameter, value, errors))
                    {
                        return;
                    }

                    break;

                case ScenarioParameterType.Json:
                default:
                    break;
            }

            if (parameter.PairedWith is string partner && !values.ContainsKey(partner))
            {
                errors.Add(new ValidationError(name, ValidationRule.Pair,
                    "'" + name + "' must be used with '" + partner + "': set both or neither."));
            }
        }

        private static bool CheckArray(ScenarioParameterDescriptor parameter, JsonElement value, List<ValidationError> errors)
        {
            var name = parameter.WireName;
            var numbers = parameter.Type == ScenarioParameterType.NumberArray;
            var expected = numbers ? "a list of numbers" : "a list of strings";
            if (value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(TypeError(parameter, value, expected));
                return false;
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var ok = numbers ? item.ValueKind == JsonValueKind.Number : item.ValueKind == JsonValueKind.String;
                if (!ok)
                {
                    errors.Add(new ValidationError(name, ValidationRule.Type,
                        "'" + name + "' must be " + expected + ", but item " + index.ToString(CultureInfo.InvariantCulture) +
                        " is " + Describe(item.ValueKind) + "."));
                    return false;
                }

                index++;
            }

            var count = value.GetArrayLength();
            if (parameter.MaxLength is int max && count > max)
            {
                errors.Add(new ValidationError(name, ValidationRule.MaxLength,
                    "'" + name + "' has " + count.ToString(CultureInfo.InvariantCulture) + " items; at most " +
                    max.ToString(CultureInfo.InvariantCulture) + " are allowed."));
            }

            // Item rules: report the first offending item of each kind, so one problem gives one error.
            if (numbers)
            {
                foreach (var item in value.EnumerateArray())
                {
                    var before = errors.Count;
                    CheckNumber(parameter, item.GetDouble(), name, errors, isItem: true);
                    if (errors.Count > before)
                    {
                        break;
                    }
                }
            }
            else
            {
                foreach (var item in value.EnumerateArray())
                {
                    var s = item.GetString()!;
                    if (parameter.OptionsAreClosed && parameter.Options.Count > 0 && !ContainsOption(parameter.Options, s))
                    {
                        errors.Add(OptionsError(parameter, Quote(s)));
                        break;
                    }
                }
            }

            return true;
        }

        private static void CheckStringRules(ScenarioParameterDescriptor parameter, string text, string name, List<ValidationError> errors)
        {
            if (parameter.MaxLength is int max && text.Length > max)
            {
                errors.Add(new ValidationError(name, ValidationRule.MaxLength,
                    "'" + name + "' is " + text.Length.ToString(CultureInfo.InvariantCulture) + " characters long; at most " +
                    max.ToString(CultureInfo.InvariantCulture) + " are allowed."));
            }

            if (parameter.OptionsAreClosed && parameter.Options.Count > 0 && !ContainsOption(parameter.Options, text))
            {
                errors.Add(OptionsError(parameter, Quote(text)));
            }
        }

        private static void CheckNumber(ScenarioParameterDescriptor parameter, double number, string name, List<ValidationError> errors, bool isItem = false)
        {
            var subject = isItem ? "an item of '" + name + "' (" + Format(number) + ")" : "'" + name + "' (" + Format(number) + ")";
            if (parameter.Type == ScenarioParameterType.Integer && Math.Abs(number - Math.Round(number)) > Tolerance)
            {
                errors.Add(new ValidationError(name, ValidationRule.Type, Capitalize(subject) + " must be a whole number."));
                return;
            }

            var min = parameter.Minimum;
            var max = parameter.Maximum;
            if ((min is double lo && number < lo - Tolerance) || (max is double hi && number > hi + Tolerance))
            {
                string bounds;
                if (min is double a && max is double b)
                {
                    bounds = "between " + Format(a) + " and " + Format(b);
                }
                else if (min is double a2)
                {
                    bounds = "at least " + Format(a2);
                }
                else
                {
                    bounds = "at most " + Format(max!.Value);
                }

                errors.Add(new ValidationError(name, ValidationRule.Range, Capitalize(subject) + " must be " + bounds + "."));
                return;
            }

            if (parameter.OptionsAreClosed && parameter.Options.Count > 0)
            {
                var found = false;
                foreach (var option in parameter.Options)
                {
                    if (double.TryParse(option, NumberStyles.Float, CultureInfo.InvariantCulture, out var allowed) &&
                        Math.Abs(allowed - number) <= Tolerance)
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    errors.Add(OptionsError(parameter, Format(number)));
                    return;
                }
            }

            if (parameter.MultipleOf is double step && step > 0 && parameter.MultipleOfIsError)
            {
                var origin = parameter.Minimum ?? 0;
                var ratio = (number - origin) / step;
                if (Math.Abs(ratio - Math.Round(ratio)) > 1e-6)
                {
                    errors.Add(new ValidationError(name, ValidationRule.MultipleOf,
                        Capitalize(subject) + " must be a multiple of " + Format(step) +
                        (origin != 0 ? " counted from " + Format(origin) : "") + "."));
                }
            }
        }

        private static ValidationError TypeError(ScenarioParameterDescriptor parameter, JsonElement value, string expected) =>
            new ValidationError(parameter.WireName, ValidationRule.Type,
                "'" + parameter.WireName + "' must be " + expected + ", not " + Describe(value.ValueKind) + ".");

        private static ValidationError OptionsError(ScenarioParameterDescriptor parameter, string shown) =>
            new ValidationError(parameter.WireName, ValidationRule.Options,
                "'" + parameter.WireName + "' is " + shown + "; allowed values: " + string.Join(", ", parameter.Options) + ".");

        private static bool ContainsOption(IReadOnlyList<string> options, string value)
        {
            foreach (var option in options)
            {
                if (string.Equals(option, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

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

        private static string Quote(string s) => "\"" + s + "\"";

        private static string Format(double d) => d.ToString("R", CultureInfo.InvariantCulture);

        private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);
    }
}
