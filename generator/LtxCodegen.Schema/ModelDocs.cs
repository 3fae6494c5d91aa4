using System;
using System.Collections.Generic;
using LtxCodegen.Schema.Merging;
using LtxCodegen.Schema.Model;
using LtxCodegen.Schema.Parsing;

namespace LtxCodegen.Schema
{
    /// <summary>
    /// The model library's entry point: read one doc (any of the three formats), then merge every doc's models per
    /// model id. Never throws on bad input: every problem is a located <see cref="Diagnostics.DiagnosticInfo"/>.
    /// </summary>
    public static class ModelDocs
    {
        /// <summary>The longest doc read, in characters (a longer doc is one LTXG0019 and no models).</summary>
        public static int MaxDocLength => DocLimits.MaxDocLength;

        /// <summary>Reads one doc: an API Reference page (also collapsed to one line), a provider page, or model JSON (<c>.json</c>).</summary>
        public static ParsedDoc Read(string path, string text)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            return DocParser.Parse(new DocInput(path, text ?? string.Empty));
        }

        /// <summary>Merges what the docs say per model id (ordinal path order; the first doc wins a conflict).</summary>
        public static MergeResult Merge(IEnumerable<ParsedDoc> docs)
        {
            if (docs is null)
            {
                throw new ArgumentNullException(nameof(docs));
            }

            return ModelMerger.Merge(docs);
        }

        /// <summary>True for a file name the generator reads as a model doc by default: <c>*.md</c> or <c>*.json</c>.</summary>
        public static bool IsDocFileName(string path) =>
            path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }
}
