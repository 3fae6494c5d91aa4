using System.Collections.Generic;
using System.Linq;
using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>
    /// Emits <c>Validate()</c>: required, conditional required, range, closed options, pairs, multiple-of (where the
    /// doc makes it an error) and maximum length; one error per problem, naming the wire parameter and the rule.
    /// </summary>
    internal static class ValidationEmitter
    {
        private const string Error = "global::LtxCodegen.ValidationError";

        public static void Emit(CodeWriter w, ModelPlan plan, GenerationOptions options)
        {
            w.Doc("Checks every rule the model docs state; returns one error per problem (empty when the request is valid).");
            w.Open("public global::System.Collections.Generic.IReadOnlyList<" + Error + "> Validate()");
            w.Line("var errors = new global::System.Collections.Generic.List<" + Error + ">();");
            foreach (var p in plan.Parameters)
            {
                EmitRequired(w, p);
                EmitValueRules(w, p, plan);
            }

            EmitConditions(w, plan);
            w.Line("OnValidate(errors);");
            w.Line("return errors;");
            w.Close();
            w.Line();
            w.Doc("Adds checks of your own to <see cref=\"Validate\"/> (implement in a partial class).");
            w.Line("partial void OnValidate(global::System.Collections.Generic.List<" + Error + "> errors);");
            w.Line();
            EmitHelpers(w, plan);
        }

        private static void Add(CodeWriter w, ParameterPlan p, string rule, string messageExpression) =>
            w.Line("errors.Add(new " + Error + "(" + Escaping.Literal(p.Spec.WireName) + ", " + RequestEmitter.RuleName(rule) + ", " + messageExpression + "));");

        private static void EmitRequired(CodeWriter w, ParameterPlan p)
        {
            if (!p.IsRequired)
            {
                return;
            }

            string? condition = null;
            if (p.OptionStructName is not null)
            {
                condition = p.Property + ".Value == null";
            }
            else if (p.Kind == ParameterKind.String || p.Kind == ParameterKind.Asset || p.Kind == ParameterKind.Model)
            {
                condition = "string.IsNullOrEmpty(" + p.Property + ")";
            }
            else if (p.IsList)
            {
                condition = p.Property + " == null || " + p.Property + ".Count == 0";
            }
            else if (p.Kind == ParameterKind.Json)
            {
                condition = p.Property + ".ValueKind == global::System.Text.Json.JsonValueKind.Undefined";
            }

            if (condition is null)
            {
                return;
            }

            w.Open("if (" + condition + ")");
            Add(w, p, "Required", Escaping.Literal(p.Spec.WireName + " is required."));
            w.Close();
        }

        private static void EmitValueRules(CodeWriter w, ParameterPlan p, ModelPlan plan)
        {
            var s = p.Spec;
            var numeric = p.Kind == ParameterKind.Number || p.Kind == ParameterKind.Integer;
            var hasRange = numeric && (s.Minimum is not null || s.Maximum is not null);
            var hasOptions = (p.OptionStructName is not null && s.OptionsAreClosed) || p.HasNumericOptions;
            var hasStep = numeric && s.MultipleOf is not null && s.MultipleOfIsError;
            var hasLength = s.MaxLength is not null && (p.IsList || p.Kind == ParameterKind.String && p.OptionStructName is null || p.Kind == ParameterKind.Asset || p.Kind == ParameterKind.Model);
            var isDouble = p.Kind == ParameterKind.Number;
            var hasPair = s.PairedWith is not null;
            if (!hasRange && !hasOptions && !hasStep && !hasLength && !isDouble && !hasPair)
            {
                return;
            }

            var v = p.Local;
            if (hasPair)
            {
                EmitPair(w, p, plan);
            }

            if (!hasRange && !hasOptions && !hasStep && !hasLength && !isDouble)
            {
                return;
            }

            if (p.IsNonNullableValue)
            {
                w.Open("");
                w.Line("var " + v + " = " + p.Property + ";");
            }
            else if (p.IsValueType)
            {
                w.Open("if (" + p.Property + " is " + p.ClrType + " " + v + ")");
            }
            else
            {
                w.Open("if (" + p.Property + " is " + p.ClrType.Replace("?", string.Empty) + " " + v + ")");
            }

            var wire = s.WireName;
            if (isDouble)
            {
                w.Open("if (double.IsNaN(" + v + ") || double.IsInfinity(" + v + "))");
                Add(w, p, "Type", Escaping.Literal(wire + " must be a finite number."));
                w.Close();
            }

            if (hasRange)
            {
                var checks = new List<string>();
                if (s.Minimum is double min)
                {
                    checks.Add(v + " < " + Escaping.Double(min));
                }

                if (s.Maximum is double max)
                {
                    checks.Add(v + " > " + Escaping.Double(max));
                }

                var rule = s.Minimum is double lo && s.Maximum is double hi
                    ? " must be between " + Escaping.Number(lo) + " and " + Escaping.Number(hi)
                    : s.Minimum is double lo2 ? " must be at least " + Escaping.Number(lo2) : " must be at most " + Escaping.Number(s.Maximum!.Value);
                w.Open((isDouble ? "else if (" : "if (") + string.Join(" || ", checks) + ")");
                Add(w, p, "Range", Escaping.Literal(wire + rule + " (got ") + " + FormatNumber(" + v + ") + \").\"");
                w.Close();
            }

            if (hasOptions && p.OptionStructName is not null)
            {
                w.Open("if (!" + v + ".IsKnown)");
                Add(w, p, "Options", Escaping.Literal(wire + " must be one of " + string.Join(", ", s.Options) + " (got '") + " + " + v + ".Value + \"').\"");
                w.Close();
            }
            else if (hasOptions)
            {
                w.Open("if (global::System.Array.IndexOf(" + p.AllowedFieldName + ", (double)" + v + ") < 0)");
                Add(w, p, "Options", Escaping.Literal(wire + " must be one of " + string.Join(", ", s.Options) + " (got ") + " + FormatNumber(" + v + ") + \").\"");
                w.Close();
            }

            if (hasStep)
            {
                var step = Escaping.Double(s.MultipleOf!.Value);
                w.Open("if (global::System.Math.Abs(global::System.Math.IEEERemainder((double)" + v + ", " + step + ")) > 1e-9)");
                Add(w, p, "MultipleOf", Escaping.Literal(wire + " must be a multiple of " + Escaping.Number(s.MultipleOf.Value) + " (got ") + " + FormatNumber(" + v + ") + \").\"");
                w.Close();
            }

            if (hasLength)
            {
                var length = p.IsList ? v + ".Count" : v + ".Length";
                var n = s.MaxLength!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                w.Open("if (" + length + " > " + n + ")");
                Add(w, p, "MaxLength", Escaping.Literal(wire + " must have at most " + n + (p.IsList ? " items" : " characters") + " (got ") + " + " + length + ".ToString(" + RequestEmitter.Invariant + ") + \").\"");
                w.Close();
            }

            w.Close();
        }

        private static void EmitPair(CodeWriter w, ParameterPlan p, ModelPlan plan)
        {
            var partner = plan.Find(p.Spec.PairedWith!);
            if (partner is null || partner.IsNonNullableValue || p.IsNonNullableValue)
            {
                return;
            }

            w.Open("if (" + p.IsSetExpression + " && " + partner.IsUnsetExpression + ")");
            Add(w, p, "Pair", Escaping.Literal(p.Spec.WireName + " must be used with " + partner.Spec.WireName + "."));
            w.Close();
        }

        private static void EmitConditions(CodeWriter w, ModelPlan plan)
        {
            var reported = new HashSet<string>();
            foreach (var p in plan.Parameters)
            {
                foreach (var c in p.Spec.Conditions)
                {
                    var other = plan.Find(c.OtherWireName);
                    if (other is null)
                    {
                        continue;
                    }

                    string condition;
                    string message;
                    if (c.WhenOtherIsSet)
                    {
                        condition = other.IsSetExpression + " && " + p.IsUnsetExpression;
                        message = c.Message ?? p.Spec.WireName + " is required when " + other.Spec.WireName + " is set.";
                    }
                    else
                    {
                        // "A or B": report the problem once, on the first of the two.
                        var key = string.CompareOrdinal(p.Spec.WireName, other.Spec.WireName) < 0
                            ? p.Spec.WireName + "\n" + other.Spec.WireName
                            : other.Spec.WireName + "\n" + p.Spec.WireName;
                        if (!reported.Add(key))
                        {
                            continue;
                        }

                        condition = other.IsUnsetExpression + " && " + p.IsUnsetExpression;
                        message = c.Message ?? p.Spec.WireName + " is required when " + other.Spec.WireName + " is not set.";
                    }

                    if (condition.Contains("false"))
                    {
                        continue;
                    }

                    w.Open("if (" + condition.Replace("true && ", string.Empty) + ")");
                    Add(w, p, "ConditionalRequired", Escaping.Literal(message));
                    w.Close();
                }
            }
        }

        private static void EmitHelpers(CodeWriter w, ModelPlan plan)
        {
            foreach (var p in plan.Parameters.Where(p => p.HasNumericOptions))
            {
                var values = string.Join(", ", p.Spec.Options.Select(o => Escaping.Double(double.Parse(o, System.Globalization.CultureInfo.InvariantCulture))));
                w.Line("private static readonly double[] " + p.AllowedFieldName + " = new double[] { " + values + " };");
                w.Line();
            }

            w.Line("private static string FormatNumber(double value) => value.ToString(\"R\", " + RequestEmitter.Invariant + ");");
            w.Line();
        }
    }
}
