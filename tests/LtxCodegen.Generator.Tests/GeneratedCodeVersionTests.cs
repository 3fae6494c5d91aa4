using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using LtxCodegen.Generator.Tests.Infrastructure;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    public class GeneratedCodeVersionTests
    {
        [Fact]
        public void Every_generated_type_names_the_generator_and_its_own_version()
        {
            // The version the generator assembly was built with ($(Version); the informational version adds "+commit").
            var informational = typeof(LtxCodegenGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            var version = informational.Split('+')[0];
            Assert.Matches(@"^\d+\.\d+\.\d+", version);

            var run = GeneratorHarness.Run(TestDocs.ShippedSchemas());
            var sources = run.HintNames.Select(run.Source).ToList();
            var attributes = sources.SelectMany(s => Regex.Matches(s, @"GeneratedCode\(""([^""]*)"", ""([^""]*)""\)").Cast<Match>()).ToList();

            Assert.True(attributes.Count >= 3, "expected a [GeneratedCode] per generated type, found " + attributes.Count);
            Assert.All(attributes, a =>
            {
                Assert.Equal("LtxCodegen.Generator", a.Groups[1].Value);
                Assert.Equal(version, a.Groups[2].Value);
            });
        }
    }
}
