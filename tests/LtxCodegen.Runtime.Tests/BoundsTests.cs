using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>Nothing a server sends can grow without bound: JSON bodies are capped, downloads stop at the announced size.</summary>
    public sealed class BoundsTests
    {
        private const int OneMiB = 1024 * 1024;

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_job_body_over_the_limit_fails_clearly_with_or_without_content_length(bool announced)
        {
            var sent = 0L;
            await using var stub = await StubServer.StartAsync(async context =>
            {
                var head = Encoding.UTF8.GetBytes("{\"job\":{\"jobId\":\"job_1\",\"status\":\"queued\",\"pad\":\"");
                var chunk = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
                const int chunks = 8 * 16; // 8 MiB: well over the 1 MiB limit, bounded so the test is too
                context.Response.ContentType = "application/json";
                if (announced)
                {
                    context.Response.ContentLength = head.Length + ((long)chunks * chunk.Length) + 3;
                }

                await context.Response.Body.WriteAsync(head);
                for (var i = 0; i < chunks && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    Interlocked.Add(ref sent, chunk.Length);
                }

                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("\"}}"), context.RequestAborted);
            });
            using var client = stub.Client(o => o.MaxResponseBodyBytes = OneMiB);

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.GetJobAsync("job_1"));

            Assert.Contains("MaxResponseBodyBytes", ex.Message);
            Assert.Contains("1048576", ex.Message);
            Assert.Equal("job_1", ex.JobId);
            Assert.Single(stub.Requests); // not retried: the same answer would come again
        }

        [Fact]
        public void The_body_limit_must_be_positive()
        {
            var ex = Assert.Throws<ArgumentException>(() => new ScenarioClient(new ScenarioClientOptions
            {
                ApiKey = "k", ApiSecret = "s", BaseAddress = new Uri("http://127.0.0.1:1/v1/"), MaxResponseBodyBytes = 0,
            }));
            Assert.Contains("MaxResponseBodyBytes", ex.Message);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task A_download_that_runs_past_the_assets_announced_size_is_stopped_and_leaves_nothing(bool announced)
        {
            const long serverBytes = 8L * OneMiB;
            await using var stub = await StubServer.StartAsync(async context =>
            {
                if (context.Request.Path.StartsWithSegments("/v1/assets"))
                {
                    await StubServer.WriteJsonAsync(context,
                        "{\"asset\":{\"id\":\"asset_1\",\"size\":3,\"mimeType\":\"video/mp4\",\"url\":\"http://127.0.0.1:" + context.Connection.LocalPort + "/cdn/asset_1.mp4\"}}");
                    return;
                }

                context.Response.ContentType = "video/mp4";
                if (announced)
                {
                    context.Response.ContentLength = serverBytes;
                }

                var chunk = new byte[64 * 1024];
                for (long n = 0; n < serverBytes && !context.RequestAborted.IsCancellationRequested; n += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            });
            using var client = stub.Client();
            var path = Emu.TempFile(".mp4");

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.DownloadAssetAsync("asset_1", path));

            Assert.Contains("stopped", ex.Message);
            Assert.Contains(announced ? "announces 8388608 bytes" : "larger than the", ex.Message);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!));
            Assert.Equal(2, stub.Requests.Count); // asset + one download: not retried
        }

        [Fact]
        public async Task Two_downloads_to_one_path_do_not_delete_each_others_partial_file()
        {
            var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var content = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
            await using var stub = await StubServer.StartAsync(async context =>
            {
                var path = context.Request.Path.Value!;
                var port = context.Connection.LocalPort;
                if (path.StartsWith("/v1/assets/", StringComparison.Ordinal))
                {
                    var id = path.Substring("/v1/assets/".Length);
                    await StubServer.WriteJsonAsync(context,
                        "{\"asset\":{\"id\":\"" + id + "\",\"size\":" + content.Length + ",\"url\":\"http://127.0.0.1:" + port + "/cdn/" + id + "\"}}");
                    return;
                }

                if (path == "/cdn/slow")
                {
                    context.Response.ContentLength = content.Length;
                    await context.Response.Body.WriteAsync(content.AsMemory(0, 1000));
                    await context.Response.Body.FlushAsync();
                    firstStarted.TrySetResult();
                    await releaseFirst.Task.WaitAsync(TimeSpan.FromSeconds(20));
                    await context.Response.Body.WriteAsync(content.AsMemory(1000));
                    return;
                }

                await StubServer.WriteJsonAsync(context, "{\"reason\":\"gone\"}", StatusCodes.Status404NotFound);
            });
            using var client = stub.Client();
            var target = Emu.TempFile(".mp4");

            var first = client.DownloadAssetAsync("slow", target);
            await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await Assert.ThrowsAsync<ScenarioApiException>(() => client.DownloadAssetAsync("missing", target));
            releaseFirst.SetResult();
            await first;

            Assert.Equal(content, File.ReadAllBytes(target));
            Assert.Equal(new[] { target }, Directory.GetFiles(Path.GetDirectoryName(target)!));
        }

        [Fact]
        public async Task A_partial_file_left_by_a_killed_download_is_removed_and_one_in_use_is_kept()
        {
            var content = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();
            await using var stub = await StubServer.StartAsync(async context =>
            {
                var path = context.Request.Path.Value!;
                if (path.StartsWith("/v1/assets/", StringComparison.Ordinal))
                {
                    await StubServer.WriteJsonAsync(context,
                        "{\"asset\":{\"id\":\"a\",\"size\":" + content.Length + ",\"url\":\"http://127.0.0.1:" + context.Connection.LocalPort + "/cdn/a\"}}");
                    return;
                }

                context.Response.ContentLength = content.Length;
                await context.Response.Body.WriteAsync(content);
            });
            using var client = stub.Client();
            var target = Emu.TempFile(".mp4");
            var abandoned = target + ".0123456789ab.part";   // a killed process's: nobody holds it
            var inUse = target + ".ba9876543210.part";       // a running download's: held exclusively
            var foreign = target + ".notes.part";            // not a name the client makes
            File.WriteAllBytes(abandoned, new byte[] { 1, 2, 3 });
            File.WriteAllBytes(foreign, new byte[] { 4 });
            using (new FileStream(inUse, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await client.DownloadAssetAsync("a", target);

                Assert.False(File.Exists(abandoned));
                Assert.True(File.Exists(inUse));
            }

            Assert.True(File.Exists(foreign));
            Assert.Equal(content, File.ReadAllBytes(target));
        }
    }
}
