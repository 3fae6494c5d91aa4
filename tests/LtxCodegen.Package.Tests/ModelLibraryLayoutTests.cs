using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace LtxCodegen.Package.Tests
{
    /// <summary>
    /// The README's "Many models" layout, built from its own text with the packed package: the docs in a `Models` class
    /// library, an `App` that references it. The app uses the library's generated types, an edit of the app leaves the
    /// library's assembly as it was (its compile step is skipped), and the analyzer still reports in the app.
    /// </summary>
    public sealed class ModelLibraryLayoutTests : IClassFixture<PackageFixture>
    {
        private const string SectionTitle = "### Many models: the docs in their own library";
        private readonly PackageFixture _fixture;

        public ModelLibraryLayoutTests(PackageFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task The_README_layout_keeps_the_models_in_the_library_and_an_app_edit_does_not_recompile_them()
        {
            var section = Section(File.ReadAllText(Path.Combine(_fixture.RepositoryRoot, "README.md")));
            Assert.Equal(Section(File.ReadAllText(Path.Combine(_fixture.RepositoryRoot, "docs", "readme", "package.md"))), section);
            var projects = Blocks(section, "xml");
            Assert.Equal(2, projects.Count);
            var program = Assert.Single(Blocks(section, "csharp"));

            var root = Path.Combine(_fixture.Root, "ModelLibraryLayout");
            var models = Path.Combine(root, "Models");
            var app = Path.Combine(root, "App");
            Directory.CreateDirectory(models);
            Directory.CreateDirectory(app);
            var modelsProject = WithTestVersion(projects[0]);
            var appProject = WithTestVersion(projects[1]);
            Assert.Contains("<ProjectReference Include=\"../Models/Models.csproj\" />", appProject);
            File.WriteAllText(Path.Combine(models, "Models.csproj"), modelsProject);
            File.WriteAllText(Path.Combine(app, "App.csproj"), appProject);
            File.WriteAllText(Path.Combine(app, "Program.cs"), program);
            Directory.CreateDirectory(Path.Combine(models, "schemas"));
            foreach (var doc in Directory.GetFiles(Path.Combine(_fixture.RepositoryRoot, "schemas")))
            {
                File.Copy(doc, Path.Combine(models, "schemas", Path.GetFileName(doc)));
            }

            PackageFixture.AssertCleanBuild(await BuildAsync(app));
            Assert.Equal("2 models from Models; model_ltx-2-19b-extend-video, 4 s", (await RunAppAsync(app)).Trim());

            // Edit the app only: the app is compiled again, the library is not.
            var libraryAssembly = Path.Combine(models, "obj", "Release", "net10.0", "Models.dll");
            var appAssembly = Path.Combine(app, "obj", "Release", "net10.0", "App.dll");
            var libraryBefore = File.GetLastWriteTimeUtc(libraryAssembly);
            var libraryBytes = File.ReadAllBytes(libraryAssembly);
            var appBefore = File.GetLastWriteTimeUtc(appAssembly);
            File.WriteAllText(Path.Combine(app, "Program.cs"), program + "Console.WriteLine(\"edited\");\n");

            PackageFixture.AssertCleanBuild(await BuildAsync(app));

            Assert.NotEqual(appBefore, File.GetLastWriteTimeUtc(appAssembly));
            Assert.Equal(libraryBefore, File.GetLastWriteTimeUtc(libraryAssembly));
            Assert.Equal(libraryBytes, File.ReadAllBytes(libraryAssembly));
            Assert.EndsWith("edited", (await RunAppAsync(app)).Trim());

            // The analyzer reads the library's generated attributes in the app.
            File.WriteAllText(Path.Combine(app, "OutOfRange.cs"),
                "internal static class OutOfRange\n{\n" +
                "    public static Ltx2_19bExtendVideoRequest Make() => new Ltx2_19bExtendVideoRequest { Prompt = \"p\", Video = \"asset_1\", Fps = 120 };\n}\n");

            var flagged = await BuildAsync(app);

            Assert.True(flagged.ExitCode == 0, flagged.ToString());
            Assert.Matches(new Regex(@"OutOfRange\.cs\(\d+,\d+\): warning LTX1001: model_[^:]+: fps must be between 1 and 60 \(got 120\)\."), flagged.Output);
            Assert.Equal(libraryBefore, File.GetLastWriteTimeUtc(libraryAssembly));

            // The app has no docs: its compiler loads the analyzer, not the generator (LtxCodegen.targets), unless asked.
            File.AppendAllText(Path.Combine(app, "Program.cs"), "Console.WriteLine(\"again\");\n");
            var appAnalyzers = AnalyzerFileNames(await BuildAsync(app, "-v:d"), "App");
            Assert.Contains("LtxCodegen.Analyzers.dll", appAnalyzers);
            Assert.DoesNotContain("LtxCodegen.Generator.dll", appAnalyzers);
            Assert.DoesNotContain("Markdig.dll", appAnalyzers);
            Assert.DoesNotContain("LtxCodegen.Schema.dll", appAnalyzers);
            File.AppendAllText(Path.Combine(app, "Program.cs"), "Console.WriteLine(\"kept\");\n"); // analyzers are no input timestamp: recompile by an edit
            var kept = AnalyzerFileNames(await BuildAsync(app, "-v:d", "-p:LtxCodegenKeepGenerator=true"), "App");
            Assert.Contains("LtxCodegen.Generator.dll", kept);
            Assert.Contains("Markdig.dll", kept);
            Assert.Equal(libraryBefore, File.GetLastWriteTimeUtc(libraryAssembly));
        }

        /// <summary>The file names of the <c>/analyzer:</c> arguments of the one compiler command line that writes <c>project</c>.dll.</summary>
        private static List<string> AnalyzerFileNames(ProcessResult build, string project)
        {
            Assert.True(build.ExitCode == 0, build.ToString());
            var commandLines = build.Output.Split('\n')
                .Where(l => l.Contains("/analyzer:", StringComparison.Ordinal) && l.Contains("/out:obj/Release/net10.0/" + project + ".dll", StringComparison.Ordinal))
                .ToList();
            var commandLine = Assert.Single(commandLines);
            return Regex.Matches(commandLine, @"/analyzer:(""[^""]+""|\S+)").Select(m => Path.GetFileName(m.Groups[1].Value.Trim('"'))).ToList();
        }

        /// <summary>The README's package version replaced by the packed one (it must be there to replace).</summary>
        private string WithTestVersion(string project)
        {
            Assert.Contains("<PackageReference Include=\"LtxCodegen\" Version=\"0.1.0\" />", project);
            return project.Replace("Version=\"0.1.0\"", "Version=\"" + _fixture.Version + "\"");
        }

        // Two projects per build (the library, then the app): twice the fixture's one-project timeout.
        private Task<ProcessResult> BuildAsync(string app, params string[] extra) =>
            ProcessRunner.RunAsync("dotnet", new[] { "build", "-c", "Release", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false" }.Concat(extra).ToArray(),
                app, _fixture.Environment, PackageFixture.BuildTimeout + PackageFixture.BuildTimeout);

        private async Task<string> RunAppAsync(string app)
        {
            var run = await ProcessRunner.RunAsync("dotnet", new[] { Path.Combine(app, "bin", "Release", "net10.0", "App.dll") }, app, _fixture.Environment, TimeSpan.FromMinutes(1));
            Assert.True(run.ExitCode == 0, run.ToString());
            return run.Output;
        }

        private static string Section(string readme)
        {
            var start = readme.IndexOf(SectionTitle, StringComparison.Ordinal);
            Assert.True(start >= 0, "no section '" + SectionTitle + "'");
            var end = readme.IndexOf("\n#", start + SectionTitle.Length, StringComparison.Ordinal);
            return readme.Substring(start, (end < 0 ? readme.Length : end) - start).Replace("\r\n", "\n");
        }

        private static List<string> Blocks(string section, string language) =>
            Regex.Matches(section, "```" + language + "\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
    }
}
