using System;
using System.Threading;
using LtxCodegen.Schema.Parsing;
using LtxCodegen.Schema.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LtxCodegen.Generator
{
    /// <summary>
    /// Decides which AdditionalFiles are model docs: every <c>.md</c>/<c>.json</c> file inside a folder named
    /// <c>schemas</c> (at any depth), any file whose item has the metadata <c>LtxCodegenModel="true"</c>, and Unity's
    /// <c>Name.LtxCodegen.additionalfile</c> files (<see cref="UnityInputs"/>) except the options file. Other
    /// AdditionalFiles (stylecop.json, PublicAPI files) are ignored silently.
    /// </summary>
    internal static class DocSelector
    {
        public const string ModelMetadata = "build_metadata.AdditionalFiles.LtxCodegenModel";

        public static DocInput? Read(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
        {
            if (!IsModelDoc(file.Path, options))
            {
                return null;
            }

            var text = file.GetText(cancellationToken);
            return new DocInput(file.Path, text?.ToString() ?? string.Empty);
        }

        public static bool IsModelDoc(string path, AnalyzerConfigOptions options)
        {
            if (UnityInputs.NameOf(path) is not null)
            {
                return UnityInputs.IsModelDoc(path);
            }

            if (options.TryGetValue(ModelMetadata, out var flag) && string.Equals(flag?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var isDoc = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            if (!isDoc)
            {
                return false;
            }

            var segments = path.Split('/', '\\');
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (string.Equals(segments[i], "schemas", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
