using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LtxCodegen.Cli.Commands
{
    /// <summary>
    /// <c>ltx generate --schemas &lt;dir&gt; --out &lt;dir&gt; [--namespace NS] [--lang-version 9|latest]</c>: the generator's
    /// files written to disk, for code checked into a repository and compiled with only LtxCodegen.Runtime.
    /// Diagnostics print as <c>path(line,col): error LTXG0001: ...</c>; any error exits 2 and writes nothing; the
    /// output folder is replaced whole (written next to it, then swapped), never left half-written.
    /// </summary>
    internal static class GenerateCommand
    {
        public static Command Create(CliHost host)
        {
            var schemas = new Option<DirectoryInfo>("--schemas") { Description = "Folder of model docs (*.md, *.json, *.LtxCodegen.additionalfile), read recursively.", Required = true };
            var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write (one .g.cs per model plus ScenarioModels.g.cs); replaced whole.", Required = true };
            var ns = new Option<string?>("--namespace") { Description = "Namespace of the generated code (default: an LtxCodegenOptions file's, else LtxCodegen.Generated)." };
            var language = new Option<string>("--lang-version")
            {
                Description = "C# version of the consumer: 9 (Unity, .NET Standard) or latest (.NET 8+: required members).",
                DefaultValueFactory = _ => "latest",
            };
            language.AcceptOnlyFromAmong("9", "latest");

            var command = new Command("generate", "Write the generated client for a folder of model docs (code to check in; no generator needed to build it).");
            command.Options.Add(schemas);
            command.Options.Add(output);
            command.Options.Add(ns);
            command.Options.Add(language);
            command.SetAction((parse, cancellationToken) =>
            {
                var version = parse.GetValue(language) == "9" ? LanguageVersion.CSharp9 : LanguageVersion.Latest;
                return System.Threading.Tasks.Task.FromResult(Run(host, parse.GetValue(schemas)!, parse.GetValue(output)!, parse.GetValue(ns), version, cancellationToken));
            });
            return command;
        }

        internal static int Run(CliHost host, DirectoryInfo schemas, DirectoryInfo output, string? ns, LanguageVersion version, CancellationToken cancellationToken)
        {
            if (!schemas.Exists)
            {
                host.Error.WriteLine("error: --schemas folder not found: " + Clean(schemas.FullName));
                return ExitCodes.BadInput;
            }

            var paths = CodeGeneration.FindDocs(schemas.FullName);
            if (paths.Count > CodeGeneration.MaxDocs)
            {
                host.Error.WriteLine("error: more than " + CodeGeneration.MaxDocs + " docs under " + Clean(schemas.FullName) + "; point --schemas at the model docs' folder");
                return ExitCodes.BadInput;
            }

            var docs = new List<(string Path, string Text)>();
            foreach (var path in paths)
            {
                var length = new FileInfo(path).Length;
                if (length > CodeGeneration.MaxDocBytes)
                {
                    host.Error.WriteLine(Clean(path) + ": error: the doc is " + length.ToString(CultureInfo.InvariantCulture) + " bytes, more than the " + CodeGeneration.MaxDocBytes.ToString(CultureInfo.InvariantCulture) + " a model doc may have");
                    return ExitCodes.BadInput;
                }

                docs.Add((path, File.ReadAllText(path)));
            }

            if (docs.Count == 0)
            {
                host.Error.WriteLine("error: no model docs (*.md, *.json, *.LtxCodegen.additionalfile) under " + Clean(schemas.FullName));
                return ExitCodes.BadInput;
            }

            var result = CodeGeneration.Run(docs, ns, version, cancellationToken);
            foreach (var diagnostic in result.Diagnostics)
            {
                host.Error.WriteLine(Format(diagnostic));
            }

            if (result.HasErrors)
            {
                host.Error.WriteLine("error: the docs have errors; nothing was written to " + Clean(output.FullName));
                return ExitCodes.BadInput;
            }

            if (result.Files.Count == 0)
            {
                host.Error.WriteLine("error: the docs generated no code; nothing was written to " + Clean(output.FullName));
                return ExitCodes.BadInput;
            }

            var refusal = GeneratedFolder.CheckReplaceable(output);
            if (refusal is not null)
            {
                host.Error.WriteLine("error: " + refusal);
                return ExitCodes.BadInput;
            }

            GeneratedFolder.Replace(output, result.Files, cancellationToken);
            host.Out.WriteLine("Wrote " + result.Files.Count.ToString(CultureInfo.InvariantCulture) + " files to " + Clean(output.FullName) + " (" + (version == LanguageVersion.CSharp9 ? "C# 9" : "latest C#") + ").");
            return ExitCodes.Ok;
        }

        /// <summary>MSBuild's format, so editors and CI annotate the doc: <c>path(line,col): error ID: message</c>.</summary>
        internal static string Format(Diagnostic diagnostic)
        {
            var severity = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "info",
            };
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            if (diagnostic.Location == Location.None)
            {
                return Clean(severity + " " + diagnostic.Id + ": " + message);
            }

            var span = diagnostic.Location.GetLineSpan();
            return Clean(span.Path + "(" + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture) + "," + (span.StartLinePosition.Character + 1).ToString(CultureInfo.InvariantCulture) + "): " + severity + " " + diagnostic.Id + ": " + message);
        }

        /// <summary>Doc text reaches the terminal: control characters (escape sequences) and bidi/format characters become '?'.</summary>
        internal static string Clean(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text.Trim())
            {
                builder.Append(c is '\r' or '\n' ? ' ' : char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? '?' : c);
            }

            return builder.ToString();
        }
    }
}
