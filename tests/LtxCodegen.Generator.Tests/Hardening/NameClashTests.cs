using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static LtxCodegen.Generator.Tests.Hardening.HardeningDocs;

namespace LtxCodegen.Generator.Tests.Hardening
{
    /// <summary>Generated file and type names are reserved across every model of the compilation and the registry.</summary>
    public class NameClashTests
    {
        [Fact]
        public void A_model_named_like_the_registry_file_gets_its_own_file_and_nothing_disappears()
        {
            var run = GeneratorHarness.Run(new[]
            {
                HardeningDocs.Schema("a.md", Page("model_scenario-models", "| `prompt` | string | yes | - | P |")),
                HardeningDocs.Schema("b.md", Page("model_other", "| `prompt` | string | yes | - | P |")),
            });

            Compiles(run);
            Assert.Equal(run.HintNames.Count(), run.HintNames.Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
            Assert.Contains("ScenarioModels.g.cs", run.HintNames);
            Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Models.ScenarioModelsRequest"));
            Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Models.OtherRequest"));
            Assert.Contains("ScenarioModelsModel.Descriptor", run.Source("ScenarioModels.g.cs"));
        }

        [Fact]
        public void A_parameter_named_like_the_model_class_does_not_hide_it()
        {
            var run = GeneratorHarness.Run(new[]
            {
                HardeningDocs.Schema("foo.md", Page("model_foo", "| `fooModel` | string | yes | - | P |", "| `fooRequest` | string | - | - | Q |", "| `fooClientExtensions` | number | - | - | R |")),
            });

            Compiles(run);
            var request = run.Output.GetTypeByMetadataName("Consumer.Models.FooRequest")!;
            Assert.NotNull(request.GetMembers("FooModel").OfType<IPropertySymbol>().SingleOrDefault());
            var instance = System.Activator.CreateInstance(GeneratorHarness.Load(run.Output).GetType("Consumer.Models.FooRequest")!, "x")!;
            Assert.Equal("model_foo", ((LtxCodegen.IScenarioRequest)instance).ModelId);
        }

        [Fact]
        public void An_option_struct_named_like_another_models_class_is_renamed_and_reported_at_its_row()
        {
            var run = GeneratorHarness.Run(new[]
            {
                HardeningDocs.Schema("foo.md", Page("model_foo", "| `prompt` | string | yes | - | P |", "| `bar_request` | string | - | `a` | Possible values are a, b, c. |")),
                HardeningDocs.Schema("foo-bar.md", Page("model_foo-bar", "| `prompt` | string | yes | - | P |")),
            });

            Compiles(run);
            var d = Assert.Single(Located(run, "LTXG0018"));
            Assert.Equal("/p/schemas/foo.md", d.Location.GetLineSpan().Path);
            Assert.Equal(8, Line(d));
            Assert.Contains("'FooBarRequest'", d.GetMessage());
            Assert.Contains("model 'model_foo-bar'", d.GetMessage());
            Assert.Equal(TypeKind.Class, run.Output.GetTypeByMetadataName("Consumer.Models.FooBarRequest")!.TypeKind);
            Assert.Equal(TypeKind.Struct, run.Output.GetTypeByMetadataName("Consumer.Models.FooBarRequestOption")!.TypeKind);
        }

        [Fact]
        public void Option_structs_of_two_models_that_map_to_one_name_are_told_apart()
        {
            // model_a + "b_mode" and model_a-b + "mode" both map to ABMode; the first model (by id) keeps it.
            var run = GeneratorHarness.Run(new[]
            {
                HardeningDocs.Schema("a.md", Page("model_a", "| `b_mode` | string | yes | - | Possible values are x, y. |")),
                HardeningDocs.Schema("ab.md", Page("model_a-b", "| `mode` | string | yes | - | Possible values are x, y. |")),
            });

            Compiles(run);
            Assert.Single(Located(run, "LTXG0018"));
            Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Models.ABMode"));
            Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Models.ABModeOption"));
        }
    }
}
