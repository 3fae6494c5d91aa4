using Parsing = LtxCodegen.Schema.Parsing;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>The C# names and types chosen for one model: computed once, used by every emitter.</summary>
    internal sealed class ModelPlan
    {
        private static readonly string[] ReservedRequestMembers =
        {
            "ModelId", "Descriptor", "Validate", "WriteJson", "Equals", "GetHashCode", "ToString", "GetType",
            "MemberwiseClone", "Finalize", "ReferenceEquals", "OnValidate", "RoundToMultiple", "FormatNumber",
            JsonWriterEmitter.NamesClass,
        };

        public ModelPlan(ModelSpec model)
        {
            Model = model;
            Stem = Naming.Stem(model.Id);
            RequestName = Stem + "Request";
            ModelClassName = Stem + "Model";
            ExtensionsName = Stem + "ClientExtensions";
            var typeNames = new HashSet<string>(model.ReservedTypeNames) { RequestName, ModelClassName, ExtensionsName, RegistryEmitter.ClassName };
            var members = new HashSet<string>(ReservedRequestMembers) { RequestName };
            var parameters = new List<ParameterPlan>();
            var parameterNames = new HashSet<string>();
            var index = 0;
            foreach (var p in model.Parameters)
            {
                var property = Naming.PropertyName(p.WireName);
                if (members.Contains(property))
                {
                    property += "Value";
                }

                property = Naming.Unique(property, members);
                parameters.Add(new ParameterPlan(p, property, index++, parameterNames));
                if (!_byWireName.ContainsKey(p.WireName))
                {
                    _byWireName[p.WireName] = parameters[parameters.Count - 1];
                }
            }

            foreach (var p in parameters)
            {
                if (p.Spec.Default is not null && p.HasConstDefault)
                {
                    p.DefaultConstName = Naming.Unique("Default" + p.Property, members);
                }

                if (p.HasOptionStruct)
                {
                    var name = Stem + p.Property;
                    if (typeNames.Contains(name))
                    {
                        name += "Option";
                    }

                    p.OptionStructName = Naming.Unique(name, typeNames);
                }

                if (p.HasNumericOptions)
                {
                    p.AllowedFieldName = Naming.Unique(p.Property + "AllowedValues", members);
                }
            }

            Parameters = parameters;
        }

        private readonly Dictionary<string, ParameterPlan> _byWireName = new Dictionary<string, ParameterPlan>(System.StringComparer.Ordinal);

        /// <summary>Every type name this model's file declares.</summary>
        public IEnumerable<string> TypeNames =>
            new[] { RequestName, ModelClassName, ExtensionsName }.Concat(Parameters.Where(p => p.OptionStructName is not null).Select(p => p.OptionStructName!));

        public ModelSpec Model { get; }

        public string Stem { get; }

        public string RequestName { get; }

        public string ModelClassName { get; }

        public string ExtensionsName { get; }

        public IReadOnlyList<ParameterPlan> Parameters { get; }

        public IEnumerable<ParameterPlan> RequiredParameters => Parameters.Where(p => p.IsRequired);

        public string DisplayName => string.IsNullOrWhiteSpace(Model.Name) ? Model.Id : Model.Name!;

        public ParameterPlan? Find(string wireName) => _byWireName.TryGetValue(wireName, out var p) ? p : null;
    }

    /// <summary>The C# shape of one parameter.</summary>
    internal sealed class ParameterPlan
    {
        public ParameterPlan(ParameterSpec spec, string property, int index, HashSet<string> parameterNames)
        {
            Spec = spec;
            Property = property;
            Index = index;
            Local = "value" + index.ToString(CultureInfo.InvariantCulture);
            var camel = char.ToLowerInvariant(property[0]) + property.Substring(1);
            // Unique: two properties can lower-case alike (U+212A KELVIN SIGN and K both give k).
            camel = Naming.Unique(camel, parameterNames);
            ParameterName = Naming.IsKeyword(camel) ? "@" + camel : camel;
        }

        public ParameterSpec Spec { get; }

        public string Property { get; }

        public int Index { get; }

        /// <summary>A local variable name for this parameter's value inside generated methods.</summary>
        public string Local { get; }

        /// <summary>The constructor parameter name.</summary>
        public string ParameterName { get; }

        public string? DefaultConstName { get; set; }

        public string? OptionStructName { get; set; }

        public string? AllowedFieldName { get; set; }

        public bool IsRequired => Spec.Required == true;

        public ParameterKind Kind => Spec.Kind;

        public bool HasOptionStruct => Kind == ParameterKind.String && Spec.Options is not null;

        public bool HasNumericOptions => (Kind == ParameterKind.Number || Kind == ParameterKind.Integer) && Spec.Options?.Value.IsClosed == true;

        public bool HasConstDefault =>
            Kind == ParameterKind.Number || Kind == ParameterKind.Integer || Kind == ParameterKind.Boolean
            || Kind == ParameterKind.String || Kind == ParameterKind.Asset || Kind == ParameterKind.Model;

        /// <summary>The integer CLR type: int unless a bound needs long.</summary>
        public bool IsLong =>
            Kind == ParameterKind.Integer
            && ((Spec.Maximum?.Value is double max && max > int.MaxValue) || (Spec.Minimum?.Value is double min && min < int.MinValue)
                || (Spec.Default is { Kind: DocValueKind.Number } d && (d.Number > int.MaxValue || d.Number < int.MinValue))
                || (Spec.Options?.Value.Numbers.Any(v => v > int.MaxValue || v < int.MinValue) ?? false));

        /// <summary>The CLR type without nullability.</summary>
        public string ClrType
        {
            get
            {
                switch (Kind)
                {
                    case ParameterKind.Number:
                        return "double";
                    case ParameterKind.Integer:
                        return IsLong ? "long" : "int";
                    case ParameterKind.Boolean:
                        return "bool";
                    case ParameterKind.String:
                        return OptionStructName ?? "string";
                    case ParameterKind.Asset:
                    case ParameterKind.Model:
                        return "string";
                    case ParameterKind.AssetArray:
                    case ParameterKind.ModelArray:
                    case ParameterKind.StringArray:
                        return Qualifiers.System + "Collections.Generic.IList<string>";
                    case ParameterKind.NumberArray:
                        return Qualifiers.System + "Collections.Generic.IList<double>";
                    case ParameterKind.JsonArray:
                        return Qualifiers.System + "Collections.Generic.IList<" + Qualifiers.System + "Text.Json.JsonElement>";
                    default:
                        return Qualifiers.System + "Text.Json.JsonElement";
                }
            }
        }

        public bool IsValueType =>
            Kind == ParameterKind.Number || Kind == ParameterKind.Integer || Kind == ParameterKind.Boolean
            || Kind == ParameterKind.Json || OptionStructName is not null;

        public bool IsList => Parsing.ParameterTypes.IsArray(Kind);

        /// <summary>Value types that are required are declared non-nullable (the compiler or constructor sets them).</summary>
        public bool IsNonNullableValue => IsValueType && IsRequired;

        public string DeclaredType(GenerationOptions options)
        {
            if (IsValueType)
            {
                return IsRequired ? ClrType : ClrType + "?";
            }

            return IsRequired ? ClrType : ClrType + options.Q;
        }

        /// <summary>An expression that is true when the property holds a value.</summary>
        public string IsSetExpression => IsNonNullableValue ? "true" : Property + " != null";

        public string IsUnsetExpression => IsNonNullableValue ? "false" : Property + " == null";
    }
}
