using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LtxCodegen.Analyzer.Tests
{
    /// <summary>
    /// Every LTX1xxx (analyzer) and LTXG (generator) diagnostic links to its own anchor in the package readme
    /// (docs/package-readme.md, shipped in the package as README.md), and that anchor exists there.
    /// </summary>
    public sealed class DiagnosticHelpLinkTests
    {
        private const string HelpPage = "https://github.com/ltxcodegen/ltxcodegen/blob/main/docs/package-readme.md";

        [Fact]
        public void Every_descriptor_links_to_its_own_documented_anchor_in_the_package_readme()
        {
            var descriptors = AllDescriptors();
            Assert.Contains(descriptors, d => d.Id == "LTX1001");
            Assert.Contains(descriptors, d => d.Id == "LTXG0001");
            var readme = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "package-readme.md")).Replace("\r\n", "\n");
            var anchors = Regex.Matches(readme, @"^#{1,6} (.+)$", RegexOptions.Multiline).Select(m => Slug(m.Groups[1].Value)).ToList();

            foreach (var d in descriptors)
            {
                var anchor = d.Id.ToLowerInvariant();
                Assert.Equal(HelpPage + "#" + anchor, d.HelpLinkUri);
                Assert.True(anchors.Count(a => a == anchor) == 1, d.Id + " has no heading (anchor #" + anchor + ") of its own in docs/package-readme.md");
                Assert.Matches(new Regex(@"^\| \[" + d.Id + @"\]\(#" + anchor + @"\) \| " + Severity(d) + @" \| ", RegexOptions.Multiline), readme);
            }

            Assert.Equal(descriptors.Count, descriptors.Select(d => d.HelpLinkUri).Distinct().Count());
        }

        [Fact]
        public void The_readme_documents_no_rule_that_does_not_exist()
        {
            var ids = AllDescriptors().Select(d => d.Id).Append("LTXG0100").ToHashSet(); // LTXG0100: the MSBuild compiler check
            var readme = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "package-readme.md"));
            var documented = Regex.Matches(readme, @"^### (LTX\w+)\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

            Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), documented.OrderBy(i => i, StringComparer.Ordinal));
            // The page that ships: the LtxCodegen package's README.md is this file.
            Assert.Contains("docs/package-readme.md\" Pack=\"true\" PackagePath=\"README.md\"",
                File.ReadAllText(Path.Combine(RepoRoot(), "runtime", "LtxCodegen.Runtime", "Packaging.targets")));
        }

        private static List<DiagnosticDescriptor> AllDescriptors()
        {
            var analyzers = typeof(LtxCodegen.Analyzers.Descriptors).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
                .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);
            var fields = typeof(LtxCodegen.Analyzers.Descriptors).GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
            var generatorType = Type.GetType("LtxCodegen.Generator.Diagnostics.GeneratorDiagnostics, LtxCodegen.Generator", throwOnError: true)!;
            var generator = (IEnumerable<DiagnosticDescriptor>)generatorType.GetProperty("All", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(null)!;
            return analyzers.Concat(fields).Concat(generator).GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        }

        private static string Severity(DiagnosticDescriptor d) => d.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };

        // GitHub's heading anchors: lower case, punctuation other than '-' and '_' dropped, spaces to '-'.
        private static string Slug(string heading) =>
            Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\p{L}\p{Nd}\s_-]", "").Replace(' ', '-');

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LtxCodegen.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("LtxCodegen.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
