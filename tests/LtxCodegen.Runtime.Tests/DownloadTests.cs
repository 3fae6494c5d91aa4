using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using LtxCodegen.Models;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>Downloads: atomic files, resets, expired URLs, the signed URL used as given and without credentials.</summary>
    public sealed class DownloadTests
    {
        [Fact]
        public async Task A_connection_reset_mid_download_is_retried_and_the_file_is_complete()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var assetId = await client.UploadAssetAsync(Emu.ClipPath);
            emulator.Faults.ResetNextDownload(afterBytes: 3000);
            var path = Emu.TempFile(".mp4");

            await client.DownloadAssetAsync(assetId, path);

            Assert.Equal(await File.ReadAllBytesAsync(Emu.ClipPath), await File.ReadAllBytesAsync(path));
            Assert.Equal(2, emulator.Requests.Count("GET", "/cdn/"));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.part"));
        }

        [Fact]
        public async Task A_download_that_keeps_failing_leaves_no_file_and_no_part_file()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator, o => o.MaxRetries = 2);
            var assetId = await client.UploadAssetAsync(Emu.ClipPath);
            emulator.Faults.ResetNextDownload(afterBytes: 3000, count: 3);
            var path = Emu.TempFile(".mp4");

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.DownloadAssetAsync(assetId, path));

            Assert.Null(ex.StatusCode);
            Assert.StartsWith("GET /cdn/", ex.RequestPath);
            Assert.DoesNotContain("?", ex.RequestPath);
            Assert.False(File.Exists(path));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.part"));
            Assert.Equal(3, emulator.Requests.Count("GET", "/cdn/"));
        }

        [Fact]
        public async Task A_canceled_download_leaves_the_previous_file_untouched()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var assetId = await client.UploadAssetAsync(Emu.ClipPath);
            var path = Emu.TempFile(".mp4");
            await File.WriteAllTextAsync(path, "previous");
            emulator.Faults.DelayNext("GET", "/cdn/", TimeSpan.FromSeconds(5));
            using var cts = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(200));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DownloadAssetAsync(assetId, path, cts.Token));

            Assert.Equal("previous", await File.ReadAllTextAsync(path));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.part"));
        }

        [Fact]
        public async Task An_expired_url_is_fetched_again_once()
        {
            await using var emulator = await Emu.StartAsync();
            var handler = new RecordingHandler();
            using var http = new HttpClient(handler);
            using var client = Emu.Client(emulator, http);
            var assetId = await client.UploadAssetAsync(Emu.ClipPath);
            emulator.Faults.ExpireNextAssetUrl();
            var path = Emu.TempFile(".mp4");

            var asset = await client.DownloadAssetAsync(assetId, path);

            Assert.Equal(await File.ReadAllBytesAsync(Emu.ClipPath), await File.ReadAllBytesAsync(path));
            Assert.Equal(new[] { 403, 200 }, emulator.Requests.Find("GET", "/cdn/").Select(r => r.StatusCode));
            Assert.Equal(2, emulator.Requests.Count("GET", "/v1/assets/"));
            var cdn = handler.Sent.Where(s => s.Url.Contains("/cdn/", StringComparison.Ordinal)).ToList();
            Assert.All(cdn, s => Assert.False(s.HasAuthorization));
            Assert.Equal(asset.Url!.OriginalString, cdn[^1].Url);
            Assert.Contains("?", cdn[^1].Url);
        }

        [Fact]
        public async Task A_url_that_is_still_refused_after_a_refresh_fails_with_403_and_leaves_no_file()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var assetId = await client.UploadAssetAsync(Emu.ClipPath);
            emulator.Faults.ExpireNextAssetUrl(count: 2);
            var path = Emu.TempFile(".mp4");

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.DownloadAssetAsync(assetId, path));

            Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
            Assert.Equal(2, emulator.Requests.Count("GET", "/cdn/"));
            Assert.False(File.Exists(path));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.part"));
        }

        [Fact]
        public async Task A_job_output_that_cannot_be_downloaded_fails_with_the_job_id()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var video = await client.UploadAssetAsync(Emu.ClipPath);
            var job = await client.RunAsync(new Ltx2_19bExtendVideoRequest { Prompt = "lost output", Video = video });
            emulator.Faults.ExpireNextAssetUrl(count: 2);
            var path = Emu.TempFile(".mp4");

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.DownloadOutputAsync(job, path));

            Assert.Equal(job.JobId, ex.JobId);
            Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
            Assert.False(File.Exists(path));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.part"));
            Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.DownloadOutputAsync(job, path, index: job.AssetIds.Count); });
        }

        [Fact]
        public async Task A_job_output_downloads_like_its_asset()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var video = await client.UploadAssetAsync(Emu.ClipPath);
            var job = await client.RunAsync(new Ltx2_19bExtendVideoRequest { Prompt = "kept output", Video = video });
            var path = Emu.TempFile(".mp4");

            var asset = await client.DownloadOutputAsync(job, path);

            Assert.Equal(job.AssetIds[0], asset.Id);
            Assert.Equal(await File.ReadAllBytesAsync(Emu.ClipPath), await File.ReadAllBytesAsync(path));
        }

        [Fact]
        public async Task A_5xx_from_the_cdn_is_retried_into_a_stream()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var assetId = await client.UploadAssetAsync(Emu.ClipPath);
            emulator.Faults.FailNext("GET", "/cdn/", HttpStatusCode.BadGateway);
            using var stream = new MemoryStream();

            await client.DownloadAssetAsync(assetId, stream);

            Assert.Equal(await File.ReadAllBytesAsync(Emu.ClipPath), stream.ToArray());
        }
    }
}
