using System;
using System.Linq;
using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Generator.Diagnostics;
using LtxCodegen.Generator.Emitting;
using LtxCodegen.Schema;
using LtxCodegen.Schema.Merging;
using LtxCodegen.Schema.Model;
using LtxCodegen.Schema.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Generator
{
    /// <summary>
    /// Reads Scenario model docs (API Reference pages, provider pages, model JSON) given as AdditionalFiles and emits
    /// typed, validated, documented request classes, descriptors and client methods.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class LtxCodegenGenerator : IIncrementalGenerator
    {
        /// <summary>
        /// Tracking names of the steps the incrementality tests and the incremental-steps benchmark check (only
        /// those: every tracking name makes the driver keep each run's inputs and outputs).
        /// </summary>
        public static class Steps
        {
            /// <summary>One value per model doc (after selection); a one-doc edit changes one.</summary>
            public const string DocInputs = "DocInputs";

            /// <summary>One parsed doc per model doc; a one-doc edit re-parses that doc only.</summary>
            public const string ParsedDocs = "ParsedDocs";

            /// <summary>The merged models of all docs.</summary>
            public const string MergedModels = "MergedModels";

            /// <summary>The options from MSBuild, the options file, the parse options and the compilation.</summary>
            public const string Options = "GenerationOptions";

            /// <summary>One generated source per model.</summary>
            public const string ModelSources = "ModelSources";

            /// <summary>The generated model registry.</summary>
            public const string Registry = "RegistrySource";
        }

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var docs = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, ct) => DocSelector.Read(pair.Left, pair.Right.GetOptions(pair.Left), ct))
                .Where(static doc => doc is not null)
                .Select(static (doc, _) => doc!)
                .WithTrackingName(Steps.DocInputs);

            var parsed = docs
                .Select(static (doc, _) => DocParser.Parse(doc))
                .WithTrackingName(Steps.ParsedDocs);

            var merged = parsed
                .Collect()
                .Select(static (all, _) => SafeMerge(all))
                .WithTrackingName(Steps.MergedModels);

            var models = merged
                .SelectMany(static (result, _) => result.Models);

            var languageVersion = context.ParseOptionsProvider
                .Select(static (o, _) => o is CSharpParseOptions cs ? (int)cs.LanguageVersion : (int)LanguageVersion.CSharp9);

            var features = context.CompilationProvider
                .Select(static (c, _) => CompilationFeatures.Read(c));

            // Unity passes no MSBuild options: the namespace may come from LtxCodegenOptions.LtxCodegen.additionalfile.
            var optionsFile = context.AdditionalTextsProvider
                .Where(static f => UnityInputs.IsOptionsFile(f.Path))
                .Select(static (f, ct) => (f.Path, File: OptionsFile.Read(f.Path, f.GetText(ct)?.ToString() ?? string.Empty)))
                .Collect()
                .Select(static (all, _) => OptionsFile.Combine(all));

            var ns = context.AnalyzerConfigOptionsProvider
                .Select(static (o, _) => MsBuildNamespaces(o.GlobalOptions))
                .Combine(optionsFile)
                .Select(static (x, _) => NamespaceOf(x.Left.Explicit ?? x.Right.Namespace ?? x.Left.Root));

            var options = ns.Combine(languageVersion).Combine(features)
                .Select(static (x, _) => new GenerationOptions(x.Left.Left, x.Left.Right, x.Right.HasRequiredMemberAttributes, x.Right.HasRuntime))
                .WithTrackingName(Steps.Options);

            var sources = models
                .Combine(options)
                .Select(static (x, _) => SafeEmit(x.Left, x.Right))
                .WithTrackingName(Steps.ModelSources);

            var registry = merged
                .Select(static (m, _) => m.Models.Select(static x => new ModelSummary(x.Id, Naming.Stem(x.Id))).ToEquatableArray())
                .Combine(options)
                .Select(static (x, _) => x.Right.HasRuntime && !x.Left.IsEmpty ? new GeneratedSource(RegistryEmitter.HintName, RegistryEmitter.Emit(x.Left, x.Right), null) : null)
                .WithTrackingName(Steps.Registry);

            context.RegisterSourceOutput(optionsFile, static (spc, file) =>
            {
                foreach (var d in file.Diagnostics)
                {
                    spc.ReportDiagnostic(d.ToDiagnostic());
                }
            });

            context.RegisterSourceOutput(parsed, static (spc, doc) =>
            {
                foreach (var d in doc.Diagnostics)
                {
                    spc.ReportDiagnostic(d.ToDiagnostic());
                }
            });

            context.RegisterSourceOutput(merged.Combine(options), static (spc, x) =>
            {
                foreach (var d in x.Left.Diagnostics)
                {
                    spc.ReportDiagnostic(d.ToDiagnostic());
                }

                if (!x.Right.HasRuntime && !x.Left.Models.IsEmpty)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.RuntimeMissing, Location.None));
                }
            });

            context.RegisterSourceOutput(sources, static (spc, source) => Add(spc, source));
            context.RegisterSourceOutput(registry, static (spc, source) => Add(spc, source));
        }

        private static void Add(SourceProductionContext spc, GeneratedSource? source)
        {
            if (source is null)
            {
                return;
            }

            if (source.Error is not null)
            {
                spc.ReportDiagnostic(source.Error.ToDiagnostic());
                return;
            }

            spc.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
        }

        private static MergeResult SafeMerge(System.Collections.Immutable.ImmutableArray<ParsedDoc> docs)
        {
            try
            {
                return NameAllocator.Name(ModelDocs.Merge(docs));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new MergeResult(
                    EquatableArray<ModelSpec>.Empty,
                    new[] { DiagnosticInfo.Create(SchemaDiagnostics.InternalError, null, "merging failed: " + e.GetType().Name + ": " + e.Message) }.ToEquatableArray());
            }
        }

        private static GeneratedSource? SafeEmit(ModelSpec model, GenerationOptions options)
        {
            if (!options.HasRuntime)
            {
                return null;
            }

            try
            {
                return new GeneratedSource(ModelSourceEmitter.HintName(model), ModelSourceEmitter.Emit(model, options), null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new GeneratedSource(
                    ModelSourceEmitter.HintName(model),
                    string.Empty,
                    DiagnosticInfo.Create(SchemaDiagnostics.InternalError, model.Location, "emitting model '" + model.Id + "' failed: " + e.GetType().Name + ": " + e.Message));
            }
        }

        // LtxCodegenNamespace (explicit) wins over the options file, which wins over RootNamespace.
        private static (string? Explicit, string? Root) MsBuildNamespaces(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options)
        {
            var explicitNamespace = options.TryGetValue("build_property.LtxCodegenNamespace", out var ns) && !string.IsNullOrWhiteSpace(ns) ? ns : null;
            var root = options.TryGetValue("build_property.RootNamespace", out var r) && !string.IsNullOrWhiteSpace(r) ? r : null;
            return (explicitNamespace, root);
        }

        private static string NamespaceOf(string? value)
        {
            if (value is null)
            {
                return "LtxCodegen.Generated";
            }

            var parts = value.Split('.')
                .Select(static p => p.Trim())
                .Where(static p => p.Length > 0)
                .Select(static p => SyntaxFacts.IsValidIdentifier(p) && !Naming.HasFormatCharacter(p) ? (Naming.IsKeyword(p) ? "@" + p : p) : Naming.PropertyName(p))
                .ToArray();
            return parts.Length == 0 ? "LtxCodegen.Generated" : string.Join(".", parts);
        }
    }

    /// <summary>A generated file (or the error that prevented it).</summary>
    internal sealed record GeneratedSource(string HintName, string Text, DiagnosticInfo? Error);

    /// <summary>What the consumer's compilation provides, read once per compilation.</summary>
    internal sealed record CompilationFeatures(bool HasRequiredMemberAttributes, bool HasRuntime)
    {
        public static CompilationFeatures Read(Compilation compilation)
        {
            // Every type of that name, not GetTypeByMetadataName (null when two assemblies define it, e.g. a
            // polyfilled RequiredMemberAttribute next to the framework's): one accessible definition is enough.
            bool Has(string name)
            {
                foreach (var type in compilation.GetTypesByMetadataName(name))
                {
                    if (compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
                    {
                        return true;
                    }
                }

                return false;
            }

            var required = Has("System.Runtime.CompilerServices.RequiredMemberAttribute")
                && Has("System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute")
                && Has("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");
            return new CompilationFeatures(required, Has("LtxCodegen.IScenarioRequest"));
        }
    }
}
