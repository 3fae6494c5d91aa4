using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Emulator.Tests
{
    /// <summary>The emulator is a server on users' machines: auth on the routed endpoint, bounded bodies and log, sound URLs and paging.</summary>
    public sealed class HardeningTests : EmulatorTestBase
    {
        private const long Huge = 256L * 1024 * 1024;

        [Theory]
        [InlineData("GET", "V1/jobs")]
        [InlineData("GET", "v1/JOBS/job_x")]
        [InlineData("POST", "V1/assets")]
        [InlineData("POST", "V1/uploads")]
        [InlineData("POST", "V1/Generate/Custom/model_x")]
        [InlineData("GET", "V1/models/none")]
        public async Task Every_api_endpoint_needs_credentials_whatever_the_case_of_its_path(string method, string path)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Emulator.Root, path));
            if (method == "POST")
            {
                request.Content = Json("{\"name\":\"x.png\",\"fileName\":\"x.mp4\",\"fileSize\":10,\"contentType\":\"video/mp4\",\"parts\":1,\"prompt\":\"p\"}");
            }

            using var response = await Anonymous.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(0, Emulator.JobCount);
            var entry = Assert.Single(Emulator.Requests.Snapshot());
            Assert.Null(entry.User);
            Assert.Null(entry.Body); // authentication comes before reading the body
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task An_unauthenticated_body_is_never_read(bool announced)
        {
            var body = new EndlessJsonStream(Huge);
            var read = await SendAsync(Anonymous, "generate/custom/" + TestModels.ExtendVideoId, body, announced);

            Assert.True(read is null or HttpStatusCode.Unauthorized, "status " + read);
            Assert.True(body.Produced < 32L * 1024 * 1024, body.Produced + " bytes of the body were taken");
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task An_oversized_json_body_is_refused_with_or_without_content_length(bool announced)
        {
            var body = new EndlessJsonStream(Huge);
            var status = await SendAsync(Http, "generate/custom/" + TestModels.ExtendVideoId, body, announced);

            Assert.True(status is null or HttpStatusCode.RequestEntityTooLarge, "status " + status);
            Assert.True(body.Produced < 32L * 1024 * 1024, body.Produced + " bytes of the body were taken");
            var entry = Assert.Single(Emulator.Requests.Find("POST", "/v1/generate/"));
            Assert.True(entry.Body is null || entry.Body.Length <= 64 * 1024 + 100, "logged body of " + entry.Body?.Length);
        }

        [Fact]
        public async Task The_request_log_is_bounded_in_count_and_bytes()
        {
            var options = new ScenarioEmulatorOptions { MaxLoggedRequests = 5, MaxRequestLogBytes = 200_000 };
            await using var emulator = await ScenarioEmulator.StartAsync(options);
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(ScenarioEmulatorOptions.DefaultApiKey + ":" + ScenarioEmulatorOptions.DefaultApiSecret)));

            for (var i = 0; i < 12; i++)
            {
                using var _ = await http.GetAsync("jobs/job_" + i);
            }

            Assert.Equal(5, emulator.Requests.Total);
            Assert.Equal(7, emulator.Requests.Dropped);
            Assert.Equal("/v1/jobs/job_11", emulator.Requests.Snapshot()[4].Path);

            var big = "{\"prompt\":\"" + new string('x', 60_000) + "\"}";
            for (var i = 0; i < 5; i++)
            {
                using var _ = await http.PostAsync("generate/custom/model_none", Json(big));
            }

            Assert.True(emulator.Requests.Bytes <= 200_000, emulator.Requests.Bytes + " bytes kept");
            Assert.InRange(emulator.Requests.Total, 1, 2);
        }

        [Theory]
        [InlineData("my clip.png")]
        [InlineData("café déjà-vu.png")]
        [InlineData("a+b.png")]
        [InlineData("100%.png")]
        [InlineData("take #2.png")]
        [InlineData("what?.png")]
        [InlineData("a%2Fb & c=d;e.png")]
        public async Task Signed_download_urls_work_for_any_asset_name(string name)
        {
            var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 2, 0, 0, 0, 3, 8, 2, 0, 0, 0, 1, 2, 3, 4 };
            var body = new JsonObject { ["image"] = "data:image/png;base64," + Convert.ToBase64String(png), ["name"] = name };
            var created = await ReadJsonAsync(await Http.PostAsync("assets", Json(body.ToJsonString())));
            var url = new Uri((string)created["asset"]!["url"]!);

            using var download = await Anonymous.GetAsync(url);

            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());

            // The signature still binds the name: another name with the same signature is refused.
            var other = new Uri(url.GetLeftPart(UriPartial.Path) + "x" + url.Query);
            using var forged = await Anonymous.GetAsync(other);
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        [Fact]
        public async Task A_pagination_token_at_the_end_of_int_never_pages_back()
        {
            await UploadVideoAsync(Http);

            // Tokens are opaque (base64 of {"offset","limit"}, as the service's): one at the largest offset a token may carry.
            static string Token(string offset) => Uri.EscapeDataString(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"offset\":" + offset + ",\"limit\":100}")));
            var page = await ReadJsonAsync(await Http.GetAsync("jobs?paginationToken=" + Token("2147483647") + "&pageSize=100"));

            Assert.Empty(page["jobs"]!.AsArray());
            Assert.Null(page["nextPaginationToken"]);
            using var tooBig = await Http.GetAsync("jobs?paginationToken=" + Token("99999999999"));
            Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
            using var garbage = await Http.GetAsync("jobs?paginationToken=abc");
            Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        }

        /// <summary>Sends the body; the status, or null when the server closed the connection before the client finished sending.</summary>
        private static async Task<HttpStatusCode?> SendAsync(HttpClient http, string path, EndlessJsonStream body, bool announced)
        {
            using var content = new StreamContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            if (announced)
            {
                content.Headers.ContentLength = body.Length;
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                using var response = await http.PostAsync(path, content, cts.Token);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }

        /// <summary>A JSON body of <see cref="Length"/> bytes made on the fly (nothing held in memory), counting what was taken.</summary>
        private sealed class EndlessJsonStream : Stream
        {
            private static readonly byte[] s_head = Encoding.ASCII.GetBytes("{\"prompt\":\"");
            private long _produced;

            public EndlessJsonStream(long length) => Length = length;

            public long Produced => Interlocked.Read(ref _produced);

            public override long Length { get; }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Position { get => Produced; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var left = Length - _produced;
                var n = (int)Math.Min(count, left);
                for (var i = 0; i < n; i++)
                {
                    var at = _produced + i;
                    buffer[offset + i] = at < s_head.Length ? s_head[at] : at == Length - 2 ? (byte)'"' : at == Length - 1 ? (byte)'}' : (byte)'x';
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
