using System;
using System.IO;
using System.Linq;
using LtxCodegen.Batch;

namespace LtxCodegen.Cli.Tests
{
    /// <summary>Reading a batch file: every problem with its line number, before anything is sent.</summary>
    public sealed class BatchFileTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "ltx-batch-file-" + Guid.NewGuid().ToString("N"));

        public BatchFileTests()
        {
            Directory.CreateDirectory(_dir);
            File.WriteAllBytes(Path.Combine(_dir, "clip.mp4"), new byte[] { 0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p' });
        }

        private ScenarioBatchPlan Read(params string[] lines)
        {
            var path = Path.Combine(_dir, "requests.jsonl");
            File.WriteAllText(path, string.Join("\n", lines) + "\n");
            return ScenarioBatchFile.Read(path, LtxCodegen.Cli.Models.ScenarioModels.All);
        }

        private static string Line(string id, string parameters, string model = "model_ltx-2-19b-extend-video") =>
            "{\"id\": \"" + id + "\", \"model\": \"" + model + "\", \"params\": " + parameters + "}";

        [Fact]
        public void Valid_lines_resolve_local_files_against_the_batch_folder_and_keep_asset_ids()
        {
            var plan = Read(
                Line("hero-01", "{\"prompt\": \"a\", \"video\": \"clip.mp4\"}"),
                "",
                Line("hero-02", "{\"prompt\": \"b\", \"video\": \"asset_abc123\"}", "ltx-2-19b-extend-video"));
            Assert.Empty(plan.Errors);
            Assert.Equal(new[] { 1, 3 }, plan.Lines.Select(l => l.LineNumber));
            Assert.Equal(Path.Combine(_dir, "clip.mp4"), plan.Lines[0].LocalFiles["clip.mp4"]);
            Assert.Empty(plan.Lines[1].LocalFiles);
            Assert.Equal("model_ltx-2-19b-extend-video", plan.Lines[1].Model.Id);
            Assert.NotEqual(plan.Lines[0].RequestHash, plan.Lines[1].RequestHash);
        }

        [Fact]
        public void Every_problem_is_reported_with_its_line_number()
        {
            var plan = Read(
                Line("ok", "{\"prompt\": \"a\", \"video\": \"clip.mp4\"}"),
                "not json",
                Line("bad-range", "{\"prompt\": \"a\", \"video\": \"clip.mp4\", \"extendDuration\": 99}"),
                Line("ok", "{\"prompt\": \"b\", \"video\": \"clip.mp4\"}"),
                Line("nofile", "{\"prompt\": \"a\", \"video\": \"missing.mp4\"}"),
                Line("nomodel", "{\"prompt\": \"a\"}", "model_nope"),
                "{\"model\": \"model_ltx-2-19b-extend-video\", \"params\": {}}",
                "{\"id\": \"x\", \"model\": \"model_ltx-2-19b-extend-video\", \"params\": {\"prompt\": \"a\", \"video\": \"asset_a\"}, \"extra\": 1}",
                "[1, 2]",
                "{\"id\": \"noparams\", \"model\": \"model_ltx-2-19b-extend-video\"}");
            var byLine = plan.Errors.ToLookup(e => e.LineNumber);
            Assert.Contains("Not valid JSON", Assert.Single(byLine[2]).Message);
            Assert.Contains("extendDuration", Assert.Single(byLine[3]).Message);
            Assert.Contains("already used on line 1", Assert.Single(byLine[4]).Message);
            Assert.Contains("no such file", Assert.Single(byLine[5]).Message);
            Assert.Contains("Unknown model", Assert.Single(byLine[6]).Message);
            Assert.Contains("'id' is missing", Assert.Single(byLine[7]).Message);
            Assert.Contains("Unknown field 'extra'", Assert.Single(byLine[8]).Message);
            Assert.Contains("JSON object", Assert.Single(byLine[9]).Message);
            Assert.Contains("'params' is missing", Assert.Single(byLine[10]).Message);
            Assert.Equal("ok", Assert.Single(plan.Lines).Id);
            Assert.False(plan.IsValid);
        }

        [Fact]
        public void Ids_are_sanitized_for_file_names_and_clashing_names_are_errors()
        {
            var plan = Read(
                Line("../evil/\\u001b[31m name", "{\"prompt\": \"a\", \"video\": \"asset_a\"}"),
                Line("Hero", "{\"prompt\": \"a\", \"video\": \"asset_a\"}"),
                Line("hero", "{\"prompt\": \"b\", \"video\": \"asset_a\"}"),
                Line("CON", "{\"prompt\": \"c\", \"video\": \"asset_a\"}"),
                Line("ltx-batch", "{\"prompt\": \"d\", \"video\": \"asset_a\"}"),
                Line(new string('x', 101), "{\"prompt\": \"e\", \"video\": \"asset_a\"}"));
            Assert.Equal("___evil___31m_name", plan.Lines[0].FileStem);
            Assert.Contains("clashes with line 2", Assert.Single(plan.Errors, e => e.LineNumber == 3).Message);
            Assert.Equal("_CON", plan.Lines.Single(l => l.Id == "CON").FileStem);
            Assert.Equal("_ltx-batch", plan.Lines.Single(l => l.Id == "ltx-batch").FileStem);
            Assert.Contains("longer than", Assert.Single(plan.Errors, e => e.LineNumber == 6).Message);
            Assert.DoesNotContain(plan.Errors, e => e.ToString().Contains('\u001b'));
        }

        [Fact]
        public void Overlong_lines_and_empty_files_are_errors_without_holding_the_line()
        {
            var plan = Read(new string('x', ScenarioBatchFile.MaxLineLength + 10), Line("a", "{\"prompt\": \"a\", \"video\": \"asset_a\"}"));
            Assert.Contains("longer than", Assert.Single(plan.Errors).Message);
            Assert.Equal(1, plan.Errors[0].LineNumber);
            Assert.Equal("a", Assert.Single(plan.Lines).Id);

            var empty = Read("", "  ");
            Assert.Contains("no lines", Assert.Single(empty.Errors).Message);
            var missing = ScenarioBatchFile.Read(Path.Combine(_dir, "nope.jsonl"), LtxCodegen.Cli.Models.ScenarioModels.All);
            Assert.Contains("does not exist", Assert.Single(missing.Errors).Message);
        }

        public void Dispose() => Directory.Delete(_dir, recursive: true);
    }
}
