using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Generator.Diagnostics;
using LtxCodegen.Schema.Model;
using LtxCodegen.Schema.Parsing;

namespace LtxCodegen.Generator
{
    /// <summary>
    /// The generator's options where no MSBuild options arrive (Unity): one JSON file named
    /// <c>LtxCodegenOptions.LtxCodegen.additionalfile</c>, e.g. <c>{ "namespace": "MyGame.Scenario" }</c>.
    /// Known members: <c>namespace</c> (string). Other members are reported (a typo would otherwise go unnoticed).
    /// </summary>
    internal sealed record OptionsFile(string? Namespace, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        public static readonly OptionsFile None = new OptionsFile(null, EquatableArray<DiagnosticInfo>.Empty);

        public static OptionsFile Read(string path, string text)
        {
            var doc = new DocText(path, text);
            var diagnostics = new List<DiagnosticInfo>();
            string? ns = null;
            try
            {
                var root = JsonReader.Parse(text);
                if (root.Kind != JsonKind.Object)
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InvalidOptions.Id, doc.Locate(root.Start, 1), "the options file must hold one JSON object, e.g. { \"namespace\": \"MyGame.Scenario\" }"));
                }
                else
                {
                    foreach (var member in root.Members)
                    {
                        if (member.Key == "namespace" && member.Value.Kind == JsonKind.String && !string.IsNullOrWhiteSpace(member.Value.Text))
                        {
                            ns = member.Value.Text;
                        }
                        else if (member.Key == "namespace")
                        {
                            diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InvalidOptions.Id, doc.Locate(member.Value.Start, member.Value.End - member.Value.Start), "'namespace' must be a non-empty string"));
                        }
                        else
                        {
                            diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.IgnoredOption.Id, doc.Locate(member.Value.Start, member.Value.End - member.Value.Start), "unknown option '" + Escape(member.Key) + "' (known: namespace); it is ignored"));
                        }
                    }
                }
            }
            catch (JsonSyntaxException e)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InvalidOptions.Id, doc.Locate(e.Offset, 1), "not valid JSON: " + e.Message));
            }

            return new OptionsFile(ns, diagnostics.ToEquatableArray());
        }

        /// <summary>The first options file wins; each further one is reported and ignored.</summary>
        public static OptionsFile Combine(ImmutableArray<(string Path, OptionsFile File)> files)
        {
            if (files.IsDefaultOrEmpty)
            {
                return None;
            }

            var ordered = new List<(string Path, OptionsFile File)>(files);
            ordered.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            var first = ordered[0];
            var diagnostics = new List<DiagnosticInfo>(first.File.Diagnostics);
            for (var i = 1; i < ordered.Count; i++)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.IgnoredOption.Id, new DocText(ordered[i].Path, string.Empty).Locate(0, 0), "a second options file; only '" + Escape(first.Path) + "' is read"));
            }

            return new OptionsFile(first.File.Namespace, diagnostics.ToEquatableArray());
        }

        private static string Escape(string value)
        {
            var builder = new System.Text.StringBuilder(Math.Min(value.Length, 80));
            foreach (var c in value)
            {
                if (builder.Length >= 80)
                {
                    builder.Append('…');
                    break;
                }

                builder.Append(char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '?' : c);
            }

            return builder.ToString();
        }
    }
}
