using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LtxCodegen.Models;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>Both seed models end to end: upload a local clip, submit, wait with progress, download, bytes on disk.</summary>
    public sealed class EndToEndTests
    {
        [Fact]
        public async Task ExtendVideo_runs_end_to_end()
        {
            await using var emulator = await Emu.StartAsync();
            var logs = new CapturingLoggerFactory();
            using var client = Emu.Client(emulator, logs: logs);
            var videoId = await client.UploadAssetAsync(Emu.ClipPath);
            var request = new Ltx2_19bExtendVideoRequest { Prompt = "the camera keeps flying", Video = videoId, ExtendDuration = 4, CameraMotion = Ltx2_19bExtendVideoCameraMotion.DollyIn };

            var seen = new List<ScenarioJob>();
            var job = await client.RunLtx2_19bExtendVideoAsync(request, new SyncProgress<ScenarioJob>(seen.Add));

            await AssertFinishedAndDownloadableAsync(client, job, seen);
            Assert.Equal(1, emulator.Requests.Count("POST", "/v1/generate/"));
            var events = logs.Lines.Select(l => l.Id).ToList();
            foreach (var expected in new[] { ScenarioLogEvents.Uploaded, ScenarioLogEvents.Submitted, ScenarioLogEvents.JobProgress, ScenarioLogEvents.JobSucceeded, ScenarioLogEvents.Downloaded })
            {
                Assert.Contains(expected, events);
            }
        }

        [Fact]
        public async Task VideoToVideo_runs_end_to_end_with_an_image_input()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var videoId = await client.UploadAssetAsync(Emu.ClipPath);
            var imageId = await client.UploadAssetAsync(Emu.FramePath);
            Assert.Equal(1, emulator.Requests.Count("POST", "/v1/assets"));
            Assert.Single(emulator.Requests.Snapshot(), r => r.Method == "POST" && r.Path == "/v1/uploads");
            var request = new Ltx2_19bVideoToVideoRequest { Prompt = "as a watercolor", Video = videoId, Image = imageId, Modality = Ltx2_19bVideoToVideoModality.Depth };

            var submitted = await client.SubmitLtx2_19bVideoToVideoAsync(request);
            Assert.False(string.IsNullOrEmpty(submitted.JobId));
            var seen = new List<ScenarioJob>();
            var job = await client.WaitForJobAsync(submitted.JobId, new SyncProgress<ScenarioJob>(seen.Add));

            await AssertFinishedAndDownloadableAsync(client, job, seen);
        }

        [Fact]
        public async Task A_video_larger_than_one_part_is_uploaded_in_parts_without_credentials_on_part_urls()
        {
            await using var emulator = await Emu.StartAsync(o => o.MinimumPartSize = 4096);
            var handler = new RecordingHandler();
            using var http = new System.Net.Http.HttpClient(handler);
            using var client = Emu.Client(emulator, http, o => o.UploadPartSize = 4096);
            var clip = await File.ReadAllBytesAsync(Emu.ClipPath);

            var videoId = await client.UploadAssetAsync(Emu.ClipPath, "clip.mp4");

            var parts = (clip.Length + 4095) / 4096;
            Assert.True(parts > 1);
            Assert.Equal(parts, emulator.Requests.Count("PUT", "/s3/uploads/"));
            Assert.All(handler.Sent.Where(s => s.Method == "PUT"), s => Assert.False(s.HasAuthorization));
            Assert.All(handler.Sent.Where(s => s.Method != "PUT"), s => Assert.True(s.HasAuthorization));
            using var stream = new MemoryStream();
            await client.DownloadAssetAsync(videoId, stream);
            Assert.Equal(clip, stream.ToArray());
        }

        [Fact]
        public async Task A_stream_of_unknown_length_is_uploaded()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var clip = await File.ReadAllBytesAsync(Emu.ClipPath);

            var videoId = await client.UploadAssetAsync(new ForwardOnlyStream(clip), "clip.mp4");

            using var stream = new MemoryStream();
            var asset = await client.DownloadAssetAsync(videoId, stream);
            Assert.Equal(clip, stream.ToArray());
            Assert.Equal("video/mp4", asset.MimeType);
        }

        private sealed class ForwardOnlyStream : MemoryStream
        {
            public ForwardOnlyStream(byte[] data)
                : base(data, writable: false)
            {
            }

            public override bool CanSeek => false;
        }

        private static async Task AssertFinishedAndDownloadableAsync(ScenarioClient client, ScenarioJob job, List<ScenarioJob> seen)
        {
            Assert.True(job.IsSuccess, job.ToString());
            Assert.NotEmpty(job.AssetIds);
            Assert.True(seen.Count >= 3, "progress reports: " + string.Join(", ", seen));
            for (var i = 1; i < seen.Count; i++)
            {
                Assert.True(
                    (seen[i].Status, seen[i].Progress, seen[i].AssetIds.Count) != (seen[i - 1].Status, seen[i - 1].Progress, seen[i - 1].AssetIds.Count),
                    "a report without a change: " + string.Join(", ", seen));
            }

            Assert.Contains(seen, j => j.Status == "in-progress");
            Assert.True(seen[^1].IsSuccess);
            var progress = seen.Where(j => j.Progress is not null).Select(j => j.Progress!.Value).ToList();
            Assert.Equal(progress.OrderBy(p => p), progress);

            var path = Emu.TempFile(".mp4");
            var asset = await client.DownloadAssetAsync(job.AssetIds[0], path);
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal(await File.ReadAllBytesAsync(Emu.ClipPath), bytes);
            Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(bytes, 4, 4));
            Assert.Equal("video/mp4", asset.MimeType);
            Assert.Equal(".mp4", asset.FileExtension);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.part"));
        }
    }

    /// <summary>An IProgress that reports synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
    internal sealed class SyncProgress<T> : IProgress<T>
    {
        private readonly Action<T> _report;

        public SyncProgress(Action<T> report) => _report = report;

        public void Report(T value)
        {
            lock (this)
            {
                _report(value);
            }
        }
    }
}
