using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace LtxCodegen.Robustness.Tests
{
    /// <summary>
    /// Load without credentials: rounds of unauthenticated requests against an in-process emulator on 127.0.0.1 (large
    /// chunked and announced bodies, small calls on every path spelling); memory stays flat and nothing gets through.
    /// Bounded: 5 rounds of 4 large and 150 small requests, 4 at a time.
    /// </summary>
    public sealed class EmulatorLoadTests
    {
        private const int Rounds = 5;
        private const int LargePerRound = 4;
        private const int SmallPerRound = 150;
        private const long LargeBody = 64L * 1024 * 1024;
        private const long MiB = 1024 * 1024;

        private static readonly string[] s_paths =
        {
            "/v1/jobs", "/V1/jobs", "/v1/JOBS/job_1", "/V1/assets", "/V1/uploads", "/v1/generate/custom/model_x",
            "/V1/Generate/Custom/model_x", "/v1/models/none", "/nothing", "/cdn/assets/a/b.mp4", "/s3/uploads/u/parts/1",
        };

        private readonly ITestOutputHelper _output;

        public EmulatorLoadTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Unauthenticated_load_keeps_memory_flat_and_gets_nothing_through()
        {
            await using var emulator = await ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions { ApiKey = "key", ApiSecret = "secret", MaxLoggedRequests = 500 });
            using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromSeconds(60) };
            var statuses = new ConcurrentDictionary<string, int>();
            var produced = 0L;
            var baseline = 0L;
            var afterFirst = 0L;
            var peak = 0L;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var now = GC.GetTotalMemory(false);
                    if (now > Interlocked.Read(ref peak))
                    {
                        Interlocked.Exchange(ref peak, now);
                    }

                    try
                    {
                        await Task.Delay(5, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            });

            baseline = Settle();
            Interlocked.Exchange(ref peak, baseline);
            for (var round = 0; round < Rounds; round++)
            {
                var work = Enumerable.Range(0, LargePerRound + SmallPerRound).Select(i => (Func<Task>)(async () =>
                {
                    var outcome = i < LargePerRound
                        ? await SendLargeAsync(http, emulator.Root, s_paths[(round + i) % 6 + 1], announced: i % 2 == 0, b => Interlocked.Add(ref produced, b))
                        : await SendSmallAsync(http, emulator.Root, s_paths[i % s_paths.Length], i);
                    statuses.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                }));
                await RunBoundedAsync(work, 4);
                if (round == 0)
                {
                    afterFirst = Settle();
                }
            }

            var end = Settle();
            stop.Cancel();
            await sampler;
            _output.WriteLine("outcomes: " + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value)));
            _output.WriteLine("managed heap: baseline " + baseline / MiB + " MiB, after round 1 " + afterFirst / MiB + " MiB, end " + end / MiB +
                              " MiB, peak " + Interlocked.Read(ref peak) / MiB + " MiB; body bytes taken from the client " + produced / MiB + " MiB; log " +
                              emulator.Requests.Total + " entries, " + emulator.Requests.Bytes / 1024 + " KiB");

            Assert.Equal(0, emulator.JobCount);
            Assert.All(statuses.Keys, k => Assert.True(k is "401" or "403" or "404" or "closed", "unexpected outcome " + k));
            Assert.True(statuses.TryGetValue("401", out var unauthorized) && unauthorized >= Rounds * SmallPerRound / 2, "401 count " + unauthorized);
            Assert.True(end - afterFirst < 16 * MiB, "the heap grew by " + (end - afterFirst) / MiB + " MiB after the first round");
            Assert.True(Interlocked.Read(ref peak) - baseline < 96 * MiB, "the heap peaked " + (Interlocked.Read(ref peak) - baseline) / MiB + " MiB over its baseline");
            Assert.True(produced < Rounds * LargePerRound * 16 * MiB, produced / MiB + " MiB of refused bodies were taken");
            Assert.True(emulator.Requests.Total <= 500);
        }

        private static long Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return GC.GetTotalMemory(true);
        }

        private static async Task RunBoundedAsync(System.Collections.Generic.IEnumerable<Func<Task>> work, int parallel)
        {
            using var gate = new SemaphoreSlim(parallel);
            var tasks = work.Select(async run =>
            {
                await gate.WaitAsync();
                try
                {
                    await run();
                }
                finally
                {
                    gate.Release();
                }
            }).ToList();
            await Task.WhenAll(tasks);
        }

        private static async Task<string> SendLargeAsync(HttpClient http, Uri root, string path, bool announced, Action<long> taken)
        {
            var body = new GeneratedJsonStream(LargeBody);
            try
            {
                using var content = new StreamContent(body, 64 * 1024);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (announced)
                {
                    content.Headers.ContentLength = LargeBody;
                }

                using var response = await http.PostAsync(new Uri(root, path), content);
                return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException)
            {
                return "closed";
            }
            finally
            {
                taken(body.Produced);
            }
        }

        private static async Task<string> SendSmallAsync(HttpClient http, Uri root, string path, int i)
        {
            using var request = new HttpRequestMessage(i % 3 == 0 ? HttpMethod.Post : HttpMethod.Get, new Uri(root, path));
            if (request.Method == HttpMethod.Post)
            {
                request.Content = new StringContent("{\"prompt\":\"" + new string('x', 2048) + "\"}", Encoding.UTF8, "application/json");
            }

            if (i % 5 == 0)
            {
                // Wrong credentials count as none.
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("key:wrong")));
            }

            try
            {
                using var response = await http.SendAsync(request);
                return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException)
            {
                return "closed";
            }
        }

        /// <summary>A JSON body made on the fly (nothing held in memory) that counts what was taken from it.</summary>
        private sealed class GeneratedJsonStream : Stream
        {
            private static readonly byte[] s_head = Encoding.ASCII.GetBytes("{\"prompt\":\"");
            private long _produced;

            public GeneratedJsonStream(long length) => Length = length;

            public long Produced => Interlocked.Read(ref _produced);

            public override long Length { get; }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Position { get => Produced; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var n = (int)Math.Min(count, Length - _produced);
                buffer.AsSpan(offset, n).Fill((byte)'x');
                for (var at = _produced; at < _produced + n; at++)
                {
                    if (at < s_head.Length)
                    {
                        buffer[offset + (int)(at - _produced)] = s_head[at];
                    }
                    else if (at >= Length - 2)
                    {
                        buffer[offset + (int)(at - _produced)] = at == Length - 2 ? (byte)'"' : (byte)'}';
                    }
                    else if (at < Length - 2 && at >= s_head.Length)
                    {
                        at = Math.Max(at, Length - 3); // skip the filled middle
                    }
                }

                Interlocked.Add(ref _produced, n);
                return n;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
