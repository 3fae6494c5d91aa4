using LtxCodegen.Schema.Names;
using System.Collections.Generic;
using System.Linq;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>
    /// Emits a small readonly struct per string option set: the known values as static members, implicit conversion
    /// from string (unknown values stay allowed: the docs do not list every value), <c>IsKnown</c> for closed sets.
    /// </summary>
    internal static class OptionStructEmitter
    {
        private static readonly string[] Reserved = { "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType", "Known", "MemberwiseClone", "Finalize", "ReferenceEquals" };

        public static void Emit(CodeWriter w, ModelPlan plan, ParameterPlan p, GenerationOptions options)
        {
            var name = p.OptionStructName!;
            var s = p.Spec;
            var allowed = s.Options!.Value;
            var q = options.Q;
            w.Doc(
                "Values of <c>" + Escaping.Xml(s.WireName) + "</c> for <see cref=\"" + plan.RequestName + "." + p.Property + "\"/>.",
                allowed.IsClosed
                    ? "A closed set: <see cref=\"" + plan.RequestName + ".Validate\"/> reports other values."
                    : "The docs may not list every value: any string converts, and is sent as given.");
            w.Line(SourceHeader.GeneratedCode);
            w.Open("public readonly partial struct " + name + " : " + Qualifiers.System + "IEquatable<" + name + ">");
            var taken = new HashSet<string>(Reserved) { name };
            var members = new List<(string Member, string Value)>();
            foreach (var value in allowed.Values)
            {
                var member = Naming.OptionMemberName(value);
                if (taken.Contains(member))
                {
                    member += "Value";
                }

                members.Add((Naming.Unique(member, taken), value));
            }

            // An array initializer: the element type is the field's.
            w.Line("private static readonly string[] Known = { " + string.Join(", ", allowed.Values.Select(Escaping.Literal)) + " };");
            var newValue = options.LanguageVersion >= 900 ? "new" : "new " + name;
            foreach (var (member, value) in members)
            {
                w.Doc("<c>" + Escaping.Xml(value) + "</c>");
                // C# 9 and later: target-typed new (the struct's name once per value, not twice).
                w.Line("public static " + name + " " + member + " { get; } = " + newValue + "(" + Escaping.Literal(value) + ");");
            }

            w.Doc("Wraps a value (known or not).");
            w.Line("public " + name + "(string value) => Value = value ?? throw new " + Qualifiers.System + "ArgumentNullException(nameof(value));");
            w.Doc("The value as sent on the wire.");
            w.Line("public string Value { get; }");
            w.Doc("The values the docs list.");
            w.Line("public static " + Qualifiers.System + "Collections.Generic.IReadOnlyList<string> KnownValues { get; } = " + Qualifiers.System + "Array.AsReadOnly(Known);");
            w.Doc("True when the value is one the docs list.");
            // Known holds no null: a default struct's null Value is not found.
            w.Line("public bool IsKnown => " + Qualifiers.System + "Array.IndexOf(Known, Value) >= 0;");
            w.Doc("Converts a wire value.");
            w.Line("public static implicit operator " + name + "(string value) => " + newValue + "(value);");
            // Equality members: documented by IEquatable and object.
            // string's == is ordinal, as string.Equals and string.GetHashCode are.
            w.Line("public bool Equals(" + name + " other) => Value == other.Value;");
            w.Line("public override bool Equals(object" + q + " obj) => obj is " + name + " other && Value == other.Value;");
            w.Line("public override int GetHashCode() => Value?.GetHashCode() ?? 0;");
            w.Line("public static bool operator ==(" + name + " a, " + name + " b) => a.Value == b.Value;");
            w.Line("public static bool operator !=(" + name + " a, " + name + " b) => a.Value != b.Value;");
            w.Doc("The value as sent on the wire.");
            w.Line("public override string ToString() => Value ?? string.Empty;");
            w.Close();
            w.Line();
        }
    }
}
