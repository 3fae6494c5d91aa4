using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>Emits <c>{Stem}Model</c>: the model id and a runtime descriptor built with named arguments.</summary>
    internal static class DescriptorEmitter
    {
        private const string Ns = "global::LtxCodegen.";

        public static void Emit(CodeWriter w, ModelPlan plan)
        {
            var model = plan.Model;
            w.Doc("The Scenario model <c>" + Escaping.Xml(model.Id) + "</c> (" + Escaping.Xml(plan.DisplayName) + "): its id and descriptor.");
            w.Line(SourceHeader.GeneratedCode);
            w.Open("public static partial class " + plan.ModelClassName);
            w.Doc("The model id.");
            w.Line("public const string Id = " + Escaping.Literal(model.Id) + ";");
            w.Line();
            w.Doc("Parameters, types, defaults and rules, as the model docs state them.");
            w.Line("public static " + Ns + "ScenarioModelDescriptor Descriptor { get; } = new " + Ns + "ScenarioModelDescriptor(");
            w.Indent();
            w.Line("id: Id,");
            w.Line("name: " + Escaping.Literal(plan.DisplayName) + ",");
            w.Line("typeName: " + Escaping.Literal(plan.Stem) + ",");
            w.Line("parameters: new " + Ns + "ScenarioParameterDescriptor[]");
            w.Line("{");
            w.Indent();
            foreach (var p in plan.Parameters)
            {
                EmitParameter(w, p);
            }

            w.Outdent();
            w.Line("},");
            w.Line("description: " + (model.Description is null ? "null" : Escaping.Literal(model.Description)) + ");");
            w.Outdent();
            w.Close();
            w.Line();
        }

        private static void EmitParameter(CodeWriter w, ParameterPlan p)
        {
            var s = p.Spec;
            var args = new List<string>
            {
                "wireName: " + Escaping.Literal(s.WireName),
                "propertyName: " + Escaping.Literal(p.Property),
                "type: " + Ns + "ScenarioParameterType." + TypeName(s.Kind),
            };
            if (s.Description is not null)
            {
                args.Add("description: " + Escaping.Literal(s.Description));
            }

            if (p.IsRequired)
            {
                args.Add("isRequired: true");
            }

            if (s.Default is not null)
            {
                args.Add("defaultJson: " + Escaping.Literal(s.Default.Json));
            }

            if (s.Minimum?.Value is double min)
            {
                args.Add("minimum: " + Escaping.Double(min));
            }

            if (s.Maximum?.Value is double max)
            {
                args.Add("maximum: " + Escaping.Double(max));
            }

            if (s.MultipleOf?.Value is double step)
            {
                args.Add("multipleOf: " + Escaping.Double(step));
                if (s.MultipleOfIsError)
                {
                    args.Add("multipleOfIsError: true");
                }
            }

            if (!s.Options.IsEmpty)
            {
                args.Add("options: new string[] { " + string.Join(", ", s.Options.Select(Escaping.Literal)) + " }");
                if (s.OptionsAreClosed)
                {
                    args.Add("optionsAreClosed: true");
                }
            }

            if (s.PairedWith is not null)
            {
                args.Add("pairedWith: " + Escaping.Literal(s.PairedWith.Value));
            }

            if (s.MaxLength?.Value is int ml)
            {
                args.Add("maxLength: " + ml.ToString(CultureInfo.InvariantCulture));
            }

            if (s.AssetKind is not null)
            {
                args.Add("assetKind: " + Escaping.Literal(s.AssetKind));
            }

            if (!s.Conditions.IsEmpty)
            {
                var conditions = s.Conditions.Select(c =>
                    "new " + Ns + "ScenarioConditionalRequirement(otherWireName: " + Escaping.Literal(c.OtherWireName)
                    + ", whenOtherIsSet: " + (c.WhenOtherIsSet ? "true" : "false")
                    + ", message: " + (c.Message is null ? "null" : Escaping.Literal(c.Message)) + ")");
                args.Add("conditions: new " + Ns + "ScenarioConditionalRequirement[] { " + string.Join(", ", conditions) + " }");
            }

            if (s.HasProseRules)
            {
                args.Add("hasProseRules: true");
            }

            // One line per parameter: the descriptor is data, and a long file is what makes big builds slow.
            w.Line("new " + Ns + "ScenarioParameterDescriptor(" + string.Join(", ", args) + "),");
        }

        internal static string TypeName(ParameterKind kind)
        {
            switch (kind)
            {
                case ParameterKind.JsonArray:
                    return "Json";
                default:
                    return kind.ToString();
            }
        }
    }
}
