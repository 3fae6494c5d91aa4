using System;
using System.Collections.Generic;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>
    /// Reads a docs-site provider page: front matter, then several models, each under <c>## Name</c> with a
    /// description, <c>**Model ID:**</c> and an eight-column table (Min, Max and Allowed Values as columns).
    /// </summary>
    internal static class ProviderPageParser
    {
        public static bool IsProviderPage(MarkdownPage page)
        {
            var modelIds = 0;
            foreach (var block in page.Blocks)
            {
                if (block.Kind == BlockKind.FrontMatter)
                {
                    return true;
                }

                if (block.Kind == BlockKind.Paragraph && block.Text.IndexOf("**Model ID:**", StringComparison.Ordinal) >= 0)
                {
                    modelIds++;
                }
            }

            return modelIds > 1;
        }

        public static List<ModelSpec> Parse(MarkdownPage page, List<DiagnosticInfo> diagnostics)
        {
            var models = new List<ModelSpec>();
            Section? section = null;
            for (var i = 0; i < page.Blocks.Count; i++)
            {
                var block = page.Blocks[i];
                if (block.Kind == BlockKind.Heading && block.Level <= 2)
                {
                    Finish(section, page, diagnostics, models);
                    section = block.Level == 2 ? new Section(block.Text, page.Locate(block.Start, block.End - block.Start)) : null;
                    continue;
                }

                if (section is null)
                {
                    continue;
                }

                if (block.Kind == BlockKind.Paragraph)
                {
                    if (section.Id is null && MarkdownPage.TryFindModelId(block.Text, out var id, out var index, out var length))
                    {
                        section.Id = id;
                        section.IdLocation = page.Locate(block.Start + index, length);
                    }
                    else if (section.Id is null && section.Description is null && !block.Text.StartsWith("**", StringComparison.Ordinal))
                    {
                        section.Description = block.Text.Trim();
                    }
                }
                else if (block.Kind == BlockKind.Table && section.Table is null && ParameterTableReader.IsParameterTable(block))
                {
                    section.Table = page.TableWithCutOffRow(i);
                }
            }

            Finish(section, page, diagnostics, models);
            return models;
        }

        private static void Finish(Section? section, MarkdownPage page, List<DiagnosticInfo> diagnostics, List<ModelSpec> models)
        {
            if (section is null)
            {
                return;
            }

            if (section.Id is null || section.IdLocation is null)
            {
                if (section.Table is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.NoModelId, section.HeadingLocation, "section '" + section.Name + "' has a parameter table but no '**Model ID:**'"));
                }

                return;
            }

            if (section.Table is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.NoParameterTable, section.IdLocation, section.Id));
                return;
            }

            var reader = new ParameterTableReader(page.Doc, page.ToOriginal, diagnostics);
            models.Add(new ModelSpec
            {
                Id = section.Id,
                Name = section.Name,
                Description = section.Description,
                Parameters = reader.Read(section.Table, section.Id).ToEquatableArray(),
                Location = section.IdLocation,
            });
        }

        private sealed class Section
        {
            public Section(string name, DocLocation headingLocation)
            {
                Name = name;
                HeadingLocation = headingLocation;
            }

            public string Name { get; }

            public DocLocation HeadingLocation { get; }

            public string? Id { get; set; }

            public DocLocation? IdLocation { get; set; }

            public string? Description { get; set; }

            public PageBlock? Table { get; set; }
        }
    }
}
