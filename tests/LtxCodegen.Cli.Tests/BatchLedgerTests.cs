using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LtxCodegen.Batch;
using LtxCodegen.Batch.Sqlite;

namespace LtxCodegen.Cli.Tests
{
    /// <summary>The SQLite ledger: every field survives a reopen, one process at a time, a foreign file is refused.</summary>
    public sealed class BatchLedgerTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "ltx-ledger-" + Guid.NewGuid().ToString("N"));

        private string DbPath => Path.Combine(_dir, SqliteScenarioBatchLedger.DefaultFileName);

        [Fact]
        public async Task Records_round_trip_through_a_reopen()
        {
            var at = new DateTimeOffset(2026, 12, 2, 15, 4, 5, 123, TimeSpan.Zero);
            using (var ledger = SqliteScenarioBatchLedger.Open(DbPath))
            {
                await ledger.WriteLineAsync(new ScenarioBatchLineRecord("hero-01", "hash1") { State = ScenarioBatchLineState.Submitting, SubmittingAt = at, Attempts = 1, Estimate = 7.25 });
                await ledger.WriteLineAsync(new ScenarioBatchLineRecord("hero-01", "hash1")
                {
                    State = ScenarioBatchLineState.Downloaded, JobId = "job_1", SubmittingAt = at, Attempts = 2, Estimate = 7.25, Cost = 6.5,
                    AssetIds = new[] { "asset_a", "asset_\"b\"" }, Outputs = new[] { new ScenarioBatchOutputFile("hero-01.mp4", 12891), new ScenarioBatchOutputFile("hero-01.2.png", 5) },
                    Error = "earlier: failure",
                });
                await ledger.WriteLineAsync(new ScenarioBatchLineRecord("hero-02", "hash2"));
                await ledger.WriteUploadAsync(new ScenarioBatchUploadRecord("abc", "clip.mp4"));
                await ledger.WriteUploadAsync(new ScenarioBatchUploadRecord("abc", "clip.mp4") { AssetId = "asset_up" });
                await ledger.WriteUploadAsync(new ScenarioBatchUploadRecord("def", "other.mp4"));
                await ledger.DeleteUploadAsync("def");
            }

            using (var ledger = SqliteScenarioBatchLedger.Open(DbPath))
            {
                var lines = (await ledger.ReadLinesAsync()).OrderBy(l => l.Id, StringComparer.Ordinal).ToList();
                Assert.Equal(2, lines.Count);
                var first = lines[0];
                Assert.Equal(ScenarioBatchLineState.Downloaded, first.State);
                Assert.Equal("job_1", first.JobId);
                Assert.Equal(at, first.SubmittingAt);
                Assert.Equal(2, first.Attempts);
                Assert.Equal(7.25, first.Estimate);
                Assert.Equal(6.5, first.Cost);
                Assert.Equal(new[] { "asset_a", "asset_\"b\"" }, first.AssetIds);
                Assert.Equal(new[] { "hero-01.mp4:12891", "hero-01.2.png:5" }, first.Outputs.Select(o => o.FileName + ":" + o.Size));
                Assert.Equal("earlier: failure", first.Error);
                Assert.Equal(ScenarioBatchLineState.Pending, lines[1].State);
                Assert.Null(lines[1].Estimate);
                var upload = Assert.Single(await ledger.ReadUploadsAsync());
                Assert.Equal("asset_up", upload.AssetId);
            }
        }

        [Fact]
        public void A_second_open_while_the_first_holds_the_ledger_is_refused()
        {
            using var first = SqliteScenarioBatchLedger.Open(DbPath);
            var error = Assert.Throws<IOException>(() => SqliteScenarioBatchLedger.Open(DbPath));
            Assert.Contains("Another batch is running", error.Message);
        }

        [Fact]
        public void A_file_that_is_not_a_ledger_is_refused_with_a_clear_error()
        {
            Directory.CreateDirectory(_dir);
            File.WriteAllText(DbPath, "these are not the bytes of a SQLite database, just some text long enough to look like a header");
            var error = Assert.Throws<InvalidDataException>(() => SqliteScenarioBatchLedger.Open(DbPath));
            Assert.Contains("not a batch ledger", error.Message);
        }

        public void Dispose()
        {
            if (Directory.Exists(_dir))
            {
                Directory.Delete(_dir, recursive: true);
            }
        }
    }
}
