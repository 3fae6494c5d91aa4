using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace LtxCodegen.Analyzer.Tests.Infrastructure
{
    /// <summary>Shared configuration of analyzer and code-fix tests: references, language version, nullable.</summary>
    internal static class TestSetup
    {
        public static void Apply(ProjectState state, List<Func<Solution, ProjectId, Solution>> transforms, LanguageVersion languageVersion)
        {
            state.AdditionalReferences.AddRange(TestReferences.All);
            transforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                var parse = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(languageVersion);
                var compilation = ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable);
                return solution.WithProjectParseOptions(projectId, parse).WithProjectCompilationOptions(projectId, compilation);
            });
        }
    }
}
