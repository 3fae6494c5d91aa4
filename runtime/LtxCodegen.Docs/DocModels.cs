using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using LtxCodegen.Schema;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Model;
using LtxCodegen.Schema.Names;

namespace LtxCodegen.Docs
{
    /// <summary>Models read from docs at run time, with every problem found, located in its doc.</summary>
    public sealed class DocModelSet
    {
        /// <summary>Creates a set.</summary>
        /// <param name="models">The usable models, in model id order.</param>
        /// <param name="diagnostics">The problems (warnings and errors), as the generator reports them.</param>
        public DocModelSet(IReadOnlyList<ScenarioModelDescriptor> models, IReadOnlyList<DiagnosticInfo> diagnostics)
        {
            Models = models ?? throw new ArgumentNullException(nameof(models));
            Diagnostics = diagnostics ?? throw new ArgumentNullException(nameof(diagnostics));
        }

        /// <summary>The usable models, in model id order.</summary>
        public IReadOnlyList<ScenarioModelDescriptor> Models { get; }

        /// <summary>The problems (warnings and errors), as the generator reports them, each located in its doc.</summary>
        public IReadOnlyList<DiagnosticInfo> Diagnostics { get; }

        /// <summary>True when a doc has an error (its model, or part of it, is not usable).</summary>
        public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>
    /// Reads model docs at run time through the model library (<c>LtxCodegen.Schema</c>, the generator's own parser)
    /// and turns each model into the runtime's <see cref="ScenarioModelDescriptor"/>, the same descriptor the
    /// generator compiles in. The one converter the CLI, the emulator and any other host share.
    /// </summary>
    public static class DocModels
    {
        /// <summary>Most docs read from one folder.</summary>
        public const int MaxDocs = 1000;

        /// <summary>
        /// Every <c>*.md</c> and <c>*.json</c> doc directly in <paramref name="directory"/> (ordinal order), merged per
        /// model id as the generator merges them. A doc larger than the library's limit is one located diagnostic.
        /// </summary>
        /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
        public static DocModelSet ReadDirectory(string directory)
        {
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException("The schemas folder '" + directory + "' does not exist.");
            }

            var files = Directory.EnumerateFiles(directory)
                .Where(ModelDocs.IsDocFileName)
                .OrderBy(f => f, StringComparer.Ordinal)
                .Take(MaxDocs + 1)
                .ToList();
            var docs = new List<ParsedDoc>();
            var extra = new List<DiagnosticInfo>();
            if (files.Count > MaxDocs)
            {
                extra.Add(DiagnosticInfo.Create(SchemaDiagnostics.LimitExceeded, DocLocation.FileStart(directory), "This folder", MaxDocs.ToString(System.Globalization.CultureInfo.InvariantCulture), "docs", "the docs after the first " + MaxDocs + " are not read"));
                files.RemoveAt(files.Count - 1);
            }

            foreach (var file in files)
            {
                docs.Add(ModelDocs.Read(file, ReadBounded(file)));
            }

            return Build(docs, extra);
        }

        /// <summary>One doc's text (e.g. the body of <c>GET /v1/models/{id}</c>, model JSON when <paramref name="path"/> ends in <c>.json</c>).</summary>
        public static DocModelSet ReadText(string path, string text) =>
            Build(new[] { ModelDocs.Read(path, text) }, Array.Empty<DiagnosticInfo>());

        /// <summary>The runtime descriptor of one model of the library: the same values the generator emits.</summary>
        public static ScenarioModelDescriptor ToDescriptor(ModelSpec model)
        {
            var parameters = model.Parameters.Select(ToDescriptor).ToArray();
            var name = string.IsNullOrWhiteSpace(model.Name) ? model.Id : model.Name!;
            return new ScenarioModelDescriptor(model.Id, name, Naming.Stem(model.Id), parameters, model.Description);
        }

        private static ScenarioParameterDescriptor ToDescriptor(ParameterSpec s) =>
            new ScenarioParameterDescriptor(
                wireName: s.WireName,
                propertyName: Naming.PropertyName(s.WireName),
                type: ToType(s.Kind),
                description: s.Description,
                isRequired: s.Required == true,
                defaultJson: s.Default?.Json,
                minimum: s.Minimum?.Value,
                maximum: s.Maximum?.Value,
                multipleOf: s.MultipleOf?.Value,
                multipleOfIsError: s.MultipleOf is not null && s.MultipleOfIsError,
                options: s.Options?.Value.Values.ToArray(),
                optionsAreClosed: s.Options?.Value.IsClosed == true,
                pairedWith: s.PairedWith?.Value,
                maxLength: s.MaxLength?.Value,
                assetKind: s.AssetKind,
                conditions: s.Conditions.IsEmpty ? null : s.Conditions.Select(c => new ScenarioConditionalRequirement(c.OtherWireName, c.WhenOtherIsSet, c.Message)).ToArray(),
                hasProseRules: s.HasProseRules);

        // JsonArray is emitted as Json by the generator (DescriptorEmitter.TypeName): the same here.
        private static ScenarioParameterType ToType(ParameterKind kind) => kind switch
        {
            ParameterKind.String => ScenarioParameterType.String,
            ParameterKind.Number => ScenarioParameterType.Number,
            ParameterKind.Integer => ScenarioParameterType.Integer,
            ParameterKind.Boolean => ScenarioParameterType.Boolean,
            ParameterKind.Asset => ScenarioParameterType.Asset,
            ParameterKind.AssetArray => ScenarioParameterType.AssetArray,
            ParameterKind.Model => ScenarioParameterType.Model,
            ParameterKind.ModelArray => ScenarioParameterType.ModelArray,
            ParameterKind.StringArray => ScenarioParameterType.StringArray,
            ParameterKind.NumberArray => ScenarioParameterType.NumberArray,
            _ => ScenarioParameterType.Json,
        };

        private static DocModelSet Build(IEnumerable<ParsedDoc> docs, IEnumerable<DiagnosticInfo> extra)
        {
            var parsed = docs.ToList();
            var merged = ModelDocs.Merge(parsed);
            var diagnostics = extra.Concat(parsed.SelectMany(d => d.Diagnostics)).Concat(merged.Diagnostics).ToList();
            var models = merged.Models.Select(ToDescriptor).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
            return new DocModelSet(models, diagnostics);
        }

        // A doc is read up to the library's limit (+1 character, so an oversized doc is still reported as such): a
        // huge file never fills memory.
        private static string ReadBounded(string path)
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[ModelDocs.MaxDocLength + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = reader.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += n;
            }

            return new string(buffer, 0, read);
        }
    }
}
