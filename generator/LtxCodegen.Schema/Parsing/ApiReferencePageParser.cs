using System;
using System.Collections.Generic;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>
    /// Reads a per-model "API Reference" page: title, <c>Model ID:</c>, endpoint and a five-column parameter table,
    /// in its normal multi-line form or whitespace-collapsed onto one line (repaired first).
    /// </summary>
    internal static class ApiReferencePageParser
    {
        public static List<ModelSpec> Parse(MarkdownPage page, List<DiagnosticInfo> diagnostics)
        {
            var models = new List<ModelSpec>();
            string? name = null;
            string? id = null;
            DocLocation? idLocation = null;
            PageBlock? table = null;
            for (var i = 0; i < page.Blocks.Count; i++)
            {
                var block = page.Blocks[i];
                if (block.Kind == BlockKind.Heading && name is null && block.Level <= 2)
                {
                    name = TitleOf(block.Text);
                }

                if (id is null && block.Kind != BlockKind.Table && MarkdownPage.TryFindModelId(block.Text, out var found, out var index, out var length))
                {
                    id = found;
                    idLocation = page.Locate(block.Start + index, length);
                }

                if (table is null && block.Kind == BlockKind.Table && ParameterTableReader.IsParameterTable(block))
                {
                    table = page.TableWithCutOffRow(i);
                }
            }

            if (id is null || idLocation is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.NoModelId, page.Doc.Locate(0, 0), "expected 'Model ID: `model_...`'"));
                return models;
            }

            if (table is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.NoParameterTable, idLocation, id));
                return models;
            }

            var reader = new ParameterTableReader(page.Doc, page.ToOriginal, diagnostics);
            var parameters = reader.Read(table, id);
            models.Add(new ModelSpec
            {
                Id = id,
                Name = name,
                Parameters = parameters.ToEquatableArray(),
                Location = idLocation,
            });
            return models;
        }

        /// <summary>"LTX-2 19b Extend Video — API Reference" -> "LTX-2 19b Extend Video".</summary>
        internal static string TitleOf(string heading)
        {
            var title = heading;
            var modelId = title.IndexOf("Model ID:", StringComparison.Ordinal);
            if (modelId >= 0)
            {
                title = title.Substring(0, modelId);
            }

            title = title.Trim();
            foreach (var suffix in new[] { "\u2014 API Reference", "\u2013 API Reference", "- API Reference", "API Reference" })
            {
                if (title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    title = title.Substring(0, title.Length - suffix.Length).Trim();
                    break;
                }
            }

            return title;
        }
    }
}
