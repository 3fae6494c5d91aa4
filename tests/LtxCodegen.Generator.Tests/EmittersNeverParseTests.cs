using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>
    /// The model is read once, by the model library: the emitters read typed values (a typed default, numeric options
    /// as numbers) and never parse text again. A scan of the Emitting folder's code (string literals and comments
    /// left out, since they are the generated code and its explanations) for parse calls and JSON readers.
    /// </summary>
    public sealed class EmittersNeverParseTests
    {
        private static readonly Regex Forbidden = new Regex(
            @"\b(?:double|float|decimal|long|int|short|byte|bool)\s*\.\s*(?:Try)?Parse\b|\b(?:Double|Single|Decimal|Int64|Int32|Int16|Byte|Boolean)\s*\.\s*(?:Try)?Parse\b"
            + @"|\bConvert\s*\.\s*To(?:Double|Int32|Int64|Boolean|Decimal)\b|\bJsonReader\b|\bJsonDocument\b|\bUtf8JsonReader\b|\bJsonNode\b|\bLiterals\s*\.|\bDocValues\s*\.",
            RegexOptions.CultureInvariant);

        private static readonly Regex StringsAndComments = new Regex(
            @"@""(?:[^""]|"""")*""|""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'|//[^\n]*|/\*.*?\*/",
            RegexOptions.CultureInvariant | RegexOptions.Singleline);

        private static string EmittingFolder()
        {
            var project = typeof(EmittersNeverParseTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "LtxCodegenTestProjectDirectory").Value!;
            return Path.GetFullPath(Path.Combine(project, "..", "..", "generator", "LtxCodegen.Generator", "Emitting"));
        }

        [Fact]
        public void No_emitter_parses_numbers_or_json()
        {
            var files = Directory.GetFiles(EmittingFolder(), "*.cs");
            Assert.True(files.Length >= 10, "expected the emitters in " + EmittingFolder());
            var hits = files
                .SelectMany(f => Forbidden.Matches(StringsAndComments.Replace(File.ReadAllText(f), "\"\""))
                    .Cast<Match>().Select(m => Path.GetFileName(f) + ": " + m.Value))
                .ToArray();
            Assert.True(hits.Length == 0, "emitters must read typed model values, not parse: " + string.Join("; ", hits));
        }

        [Theory]
        [InlineData("value = double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture);")]
        [InlineData("var n = long.TryParse(text, out var v);")]
        [InlineData("value = Parsing.JsonReader.Parse(json).Text;")]
        [InlineData("Parsing.Literals.TryParseNumber(o, out var v)")]
        public void The_scan_finds_a_parse_call(string code)
        {
            Assert.Matches(Forbidden, StringsAndComments.Replace(code, "\"\""));
        }

        [Fact]
        public void The_scan_ignores_generated_code_in_string_literals()
        {
            Assert.DoesNotMatch(Forbidden, StringsAndComments.Replace("w.Line(\"var x = double.Parse(s);\"); // double.Parse in a comment", "\"\""));
        }
    }
}
