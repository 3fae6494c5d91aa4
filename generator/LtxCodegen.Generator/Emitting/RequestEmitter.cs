using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>Emits <c>{Stem}Request</c>: properties with rule attributes, constants for defaults, Validate and WriteJson.</summary>
    internal static class RequestEmitter
    {
        private const string Meta = Qualifiers.Metadata;
        private const string Rule = Qualifiers.Runtime + "ValidationRule.";
        private const string Inv = Qualifiers.System + "Globalization.CultureInfo.InvariantCulture";

        public static void Emit(CodeWriter w, ModelPlan plan, GenerationOptions options)
        {
            var model = plan.Model;
            w.Doc(
                "A request to the Scenario model <c>" + Escaping.Xml(model.Id) + "</c> (" + Escaping.Xml(plan.DisplayName) + ").",
                (string.IsNullOrWhiteSpace(model.Description) ? string.Empty : Escaping.Xml(model.Description!) + " ")
                + "Set the properties, then call <c>Submit" + plan.Stem + "Async</c> or <c>Run" + plan.Stem + "Async</c> on a client.");
            w.Line("[" + Meta + "ScenarioModel(" + Escaping.Literal(model.Id) + ")]");
            w.Line(SourceHeader.GeneratedCode);
            w.Open("public sealed partial class " + plan.RequestName + " : " + Qualifiers.Runtime + "IScenarioRequest");

            EmitConstants(w, plan);
            EmitConstructors(w, plan, options);
            foreach (var p in plan.Parameters)
            {
                EmitProperty(w, p, options);
            }

            if (plan.Parameters.Count > 0)
            {
                w.Line();
            }

            w.Line(CodeWriter.InheritDoc);
            w.Line("public string ModelId => " + options.Global(plan.ModelClassName) + ".Id;");
            w.Line(CodeWriter.InheritDoc);
            w.Line("public " + Qualifiers.Runtime + "ScenarioModelDescriptor Descriptor => " + options.Global(plan.ModelClassName) + ".Descriptor;");
            w.Line();
            ValidationEmitter.Emit(w, plan, options);
            JsonWriterEmitter.Emit(w, plan, options);
            w.Close();
        }

        private static void EmitConstants(CodeWriter w, ModelPlan plan)
        {
            foreach (var p in plan.Parameters.Where(p => p.DefaultConstName is not null))
            {
                // The model holds the default typed (checked against the kind by the model library): nothing is parsed here.
                var value0 = p.Spec.Default!;
                string type;
                string value;
                switch (p.Kind)
                {
                    case ParameterKind.Number:
                        type = "double";
                        value = Escaping.Double(value0.Number);
                        break;
                    case ParameterKind.Integer:
                        type = p.IsLong ? "long" : "int";
                        // Written from the typed value, never the doc's text: "1E+16" is a JSON integer but no C# one.
                        value = value0.Integer!.Value.ToString(CultureInfo.InvariantCulture) + (p.IsLong ? "L" : string.Empty);
                        break;
                    case ParameterKind.Boolean:
                        type = "bool";
                        value = value0.Boolean ? "true" : "false";
                        break;
                    default:
                        type = "string";
                        value = Escaping.Literal(value0.Text ?? string.Empty);
                        break;
                }

                w.Doc("Service default for <see cref=\"" + p.Property + "\"/>.");
                w.Line("public const " + type + " " + p.DefaultConstName + " = " + value + ";");
            }

            if (plan.Parameters.Any(p => p.DefaultConstName is not null))
            {
                w.Line();
            }
        }

        private static void EmitConstructors(CodeWriter w, ModelPlan plan, GenerationOptions options)
        {
            var required = plan.RequiredParameters.ToList();
            if (required.Count == 0)
            {
                return;
            }

            var args = string.Join(", ", required.Select(p => p.DeclaredType(options) + " " + p.ParameterName));
            if (options.UseRequired)
            {
                w.Doc("Creates a request; set every <c>required</c> property in the object initializer.");
                w.Line("public " + plan.RequestName + "()");
                w.Line("{");
                w.Line("}");
                w.Line();
            }

            w.Line("/// <summary>Creates a request with its required parameters.</summary>");
            foreach (var p in required)
            {
                w.Line("/// <param name=\"" + p.ParameterName.TrimStart('@') + "\">" + ParameterDocs.Summary(p) + "</param>");
            }

            if (options.UseRequired)
            {
                w.Line("[" + Qualifiers.System + "Diagnostics.CodeAnalysis.SetsRequiredMembers]");
            }

            w.Open("public " + plan.RequestName + "(" + args + ")");
            foreach (var p in required)
            {
                w.Line("this." + p.Property + " = " + p.ParameterName + ";");
            }

            w.Close();
            w.Line();
        }

        private static void EmitProperty(CodeWriter w, ParameterPlan p, GenerationOptions options)
        {
            var s = p.Spec;
            w.Doc(ParameterDocs.Summary(p), ParameterDocs.Remarks(p));
            // One attribute list per property (the analyzer reads the attributes, not their layout).
            var attributes = new List<string> { Meta + "ScenarioParameter(" + Escaping.Literal(s.WireName) + ")" };
            if (p.IsRequired)
            {
                attributes.Add(Meta + "ScenarioRequired");
            }

            if (s.Minimum is not null || s.Maximum is not null)
            {
                var args = new List<string>();
                if (s.Minimum?.Value is double min)
                {
                    args.Add("Minimum = " + Escaping.Double(min));
                }

                if (s.Maximum?.Value is double max)
                {
                    args.Add("Maximum = " + Escaping.Double(max));
                }

                var prose = s.Minimum.IsProse() || s.Maximum.IsProse();
                if (prose)
                {
                    args.Add(Source(prose));
                }

                attributes.Add(Meta + "ScenarioRange(" + string.Join(", ", args) + ")");
            }

            if (s.Options is { } allowed)
            {
                var values = string.Join(", ", allowed.Value.Values.Select(Escaping.Literal));
                attributes.Add(Meta + "ScenarioOptions(" + values + (allowed.Value.IsClosed ? ", IsClosed = true" : string.Empty) + Source(allowed.IsProse(), ", ") + ")");
            }

            if (s.PairedWith is not null)
            {
                attributes.Add(Meta + "ScenarioPair(" + Escaping.Literal(s.PairedWith.Value) + Source(s.PairedWith.IsProse(), ", ") + ")");
            }

            if (s.MultipleOf?.Value is double step)
            {
                attributes.Add(Meta + "ScenarioMultipleOf(" + Escaping.Double(step) + (s.MultipleOfIsError ? ", IsError = true" : string.Empty) + Source(s.MultipleOf.IsProse(), ", ") + ")");
            }

            if (s.MaxLength?.Value is int maxLength)
            {
                attributes.Add(Meta + "ScenarioMaxLength(" + maxLength.ToString(CultureInfo.InvariantCulture) + ")");
            }

            w.Line("[" + string.Join(", ", attributes) + "]");
            var modifier = p.IsRequired && options.UseRequired ? "required " : string.Empty;
            w.Line("public " + modifier + p.DeclaredType(options) + " " + p.Property + " { get; set; }");
        }

        /// <summary><c>Source = Prose</c> for a rule read from prose; nothing for a structured one (the attributes' default).</summary>
        private static string Source(bool prose, string separator = "") => prose ? separator + "Source = " + Meta + "RuleSource.Prose" : string.Empty;

        internal static string RuleName(string rule) => Rule + rule;

        internal static string Invariant => Inv;
    }
}
