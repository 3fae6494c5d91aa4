using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Emulator.Tests
{
    /// <summary>
    /// <c>GET /v1/models/{id}</c> answers in the format the generator reads: feeding the served JSON to the generator
    /// gives back a descriptor with the same parameters and rules.
    /// </summary>
    public class ModelJsonRoundTripTests : EmulatorTestBase
    {
        protected override void Configure(ScenarioEmulatorOptions options) => options.Models = null;

        [Theory]
        [InlineData(TestModels.ExtendVideoId)]
        [InlineData(TestModels.VideoToVideoId)]
        public async Task Served_model_json_regenerates_the_same_descriptor(string modelId)
        {
            var json = await Http.GetStringAsync("models/" + modelId);
            var original = Emulator.Models.Single(m => m.Id == modelId);
            var regenerated = Regenerate(json, modelId);

            Assert.Equal(original.Name, regenerated.Name);
            Assert.Equal(original.Parameters.Select(p => p.WireName), regenerated.Parameters.Select(p => p.WireName));
            foreach (var e in original.Parameters)
            {
                var a = regenerated.Find(e.WireName)!;
                var where = modelId + "." + e.WireName;
                Assert.True(e.Type == a.Type, where + ": type " + e.Type + " became " + a.Type);
                Assert.True(e.IsRequired == a.IsRequired, where + ": required");
                Assert.True(e.DefaultJson == a.DefaultJson, where + ": default " + e.DefaultJson + " became " + a.DefaultJson);
                Assert.True(e.Minimum == a.Minimum && e.Maximum == a.Maximum, where + ": range " + a.Minimum + ".." + a.Maximum);
                Assert.True(e.OptionsAreClosed == a.OptionsAreClosed && (!e.OptionsAreClosed || e.Options.SequenceEqual(a.Options)), where + ": options " + string.Join(",", a.Options));
                Assert.True(e.AssetKind == a.AssetKind, where + ": kind " + a.AssetKind);
                Assert.True(e.MultipleOf == a.MultipleOf, where + ": step " + a.MultipleOf);
                if (e.PairedWith is string partner)
                {
                    // A pair travels as "required if the partner is defined".
                    Assert.True(a.PairedWith == partner || a.Conditions.Any(c => c.OtherWireName == partner && c.WhenOtherIsSet), where + ": pair with " + partner);
                }
            }
        }

        private static ScenarioModelDescriptor Regenerate(string json, string modelId)
        {
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(ScenarioModelDescriptor).Assembly.Location));
            var compilation = CSharpCompilation.Create("RoundTrip",
                new[] { CSharpSyntaxTree.ParseText("namespace RoundTrip { internal static class Anchor { } }", parse) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                    .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
            var driver = CSharpGeneratorDriver.Create(
                new[] { new LtxCodegenGenerator().AsSourceGenerator() },
                new[] { (AdditionalText)new Text("/served/schemas/" + modelId + ".json", json) },
                parse,
                new Options(new Dictionary<string, string> { ["build_property.RootNamespace"] = "RoundTrip" }));
            driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
            Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));

            using var stream = new MemoryStream();
            var emit = output.Emit(stream);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            stream.Position = 0;
            var assembly = new AssemblyLoadContext("roundtrip-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(stream);
            var registry = assembly.GetType("RoundTrip.ScenarioModels", throwOnError: true)!;
            var find = registry.GetMethod("Find", BindingFlags.Public | BindingFlags.Static)!;
            return (ScenarioModelDescriptor)find.Invoke(null, new object[] { modelId })!;
        }

        private sealed class Text : AdditionalText
        {
            private readonly SourceText _text;

            public Text(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, System.Text.Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            private readonly Values _global;

            public Options(Dictionary<string, string> global) => _global = new Values(global);

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values.Empty;

            private sealed class Values : AnalyzerConfigOptions
            {
                public static readonly Values Empty = new Values(new Dictionary<string, string>());
                private readonly Dictionary<string, string> _values;

                public Values(Dictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, out string value)
                {
                    var found = _values.TryGetValue(key, out var v);
                    value = v ?? string.Empty;
                    return found;
                }
            }
        }
    }
}
