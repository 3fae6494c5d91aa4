using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace LtxCodegen.Emulator.Tests
{
    public class UploadTests : EmulatorTestBase
    {
        protected override void Configure(ScenarioEmulatorOptions options) => options.MaxAssetBodyBytes = 64 * 1024;

        [Fact]
        public async Task Data_url_image_upload_creates_an_image_asset()
        {
            var png = SampleMedia.GetImage();
            var response = await Http.PostAsync("assets", Json("{\"image\":\"data:image/png;base64," + Convert.ToBase64String(png) + "\",\"name\":\"frame.png\"}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var asset = (await ReadJsonAsync(response))["asset"]!;
            Assert.Equal("image/png", (string)asset["mimeType"]!);
            Assert.Equal("image", (string)asset["kind"]!);
            Assert.Equal(64, (int)asset["metadata"]!["width"]!);
            using var raw = new HttpClient();
            Assert.Equal(png, await raw.GetByteArrayAsync(new Uri((string)asset["url"]!)));
        }

        [Theory]
        [InlineData("{\"name\":\"x\"}", "'image' is required")]
        [InlineData("{\"image\":\"not a data url\"}", "data URL")]
        [InlineData("{\"image\":\"data:video/mp4;base64,AAAA\"}", "/v1/uploads")]
        [InlineData("{\"image\":\"data:image/png;base64,%%%\"}", "base64")]
        [InlineData("{\"image\":\"data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}", "not a valid image/png")]
        public async Task Bad_data_url_uploads_get_400(string body, string expected)
        {
            var response = await Http.PostAsync("assets", Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(expected, (string)(await ReadJsonAsync(response))["message"]!);
        }

        [Fact]
        public async Task Body_over_the_cap_gets_413()
        {
            var big = new string('A', 70 * 1024);
            var response = await Http.PostAsync("assets", Json("{\"image\":\"data:image/png;base64," + big + "\"}"));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("/v1/uploads", (string)(await ReadJsonAsync(response))["message"]!);
        }

        [Fact]
        public async Task Multipart_upload_goes_pending_validating_imported_and_the_job_names_the_asset()
        {
            var data = SampleMedia.GetVideo();
            var create = await Http.PostAsync("uploads", Json(new JsonObject
            {
                ["fileName"] = "clip.mp4", ["contentType"] = "video/mp4", ["kind"] = "video", ["parts"] = 2, ["fileSize"] = data.Length,
            }.ToJsonString()));
            var upload = (await ReadJsonAsync(create))["upload"]!;
            Assert.Equal("pending", (string)upload["status"]!);
            var id = (string)upload["id"]!;
            var parts = upload["parts"]!.AsArray();
            Assert.Equal(2, parts.Count);
            Assert.NotNull(parts[0]!["expires"]);

            // Completing before every part arrived is refused.
            var early = await Http.PostAsync("uploads/" + id + "/action", Json("{\"action\":\"complete\"}"));
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("Part 1", (string)(await ReadJsonAsync(early))["message"]!);

            using var raw = new HttpClient();
            var half = data.Length / 2;
            Assert.Equal(HttpStatusCode.OK, (await raw.PutAsync(new Uri((string)parts[0]!["url"]!), new ByteArrayContent(data[..half]))).StatusCode);
            var put2 = await raw.PutAsync(new Uri((string)parts[1]!["url"]!), new ByteArrayContent(data[half..]));
            Assert.Equal(HttpStatusCode.OK, put2.StatusCode);
            Assert.NotNull(put2.Headers.ETag);

            var complete = await Http.PostAsync("uploads/" + id + "/action", Json("{\"action\":\"complete\"}"));
            Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
            Assert.Equal("validating", (string)(await ReadJsonAsync(complete))["upload"]!["status"]!);

            var job = await WaitForJobAsync(Http, (string)upload["jobId"]!);
            Assert.Equal("upload", (string)job["jobType"]!);
            var assetId = (string)job["metadata"]!["output"]!["entityId"]!;
            var after = (await ReadJsonAsync(await Http.GetAsync("uploads/" + id)))["upload"]!;
            Assert.Equal("imported", (string)after["status"]!);
            Assert.Equal(assetId, (string)after["entityId"]!);

            var asset = (await ReadJsonAsync(await Http.GetAsync("assets/" + assetId)))["asset"]!;
            Assert.Equal("video", (string)asset["kind"]!);
            Assert.Equal(data, await raw.GetByteArrayAsync(new Uri((string)asset["url"]!)));
            Assert.Equal(HttpStatusCode.NotFound, (await OtherHttp.GetAsync("uploads/" + id)).StatusCode);
        }

        [Fact]
        public async Task Upload_of_a_file_that_is_not_what_it_claims_fails_with_an_error_message()
        {
            var junk = new byte[2000];
            new Random(3).NextBytes(junk);
            var create = await Http.PostAsync("uploads", Json("{\"fileName\":\"x.mp4\",\"contentType\":\"video/mp4\",\"kind\":\"video\",\"parts\":1,\"fileSize\":2000}"));
            var upload = (await ReadJsonAsync(create))["upload"]!;
            using var raw = new HttpClient();
            await raw.PutAsync(new Uri((string)upload["parts"]![0]!["url"]!), new ByteArrayContent(junk));
            await Http.PostAsync("uploads/" + (string)upload["id"]! + "/action", Json("{\"action\":\"complete\"}"));
            var job = await WaitForJobAsync(Http, (string)upload["jobId"]!);
            Assert.Equal("failure", (string)job["status"]!);
            var after = (await ReadJsonAsync(await Http.GetAsync("uploads/" + (string)upload["id"]!)))["upload"]!;
            Assert.Equal("failed", (string)after["status"]!);
            Assert.Contains("not a valid video/mp4", (string)after["errorMessage"]!);
        }

        [Theory]
        [InlineData("{\"contentType\":\"video/mp4\",\"parts\":1,\"fileSize\":10}", "'fileName' is required")]
        [InlineData("{\"fileName\":\"a\",\"contentType\":\"text/plain\",\"parts\":1,\"fileSize\":10}", "'contentType'")]
        [InlineData("{\"fileName\":\"a\",\"contentType\":\"video/mp4\",\"parts\":0,\"fileSize\":10}", "'parts'")]
        [InlineData("{\"fileName\":\"a\",\"contentType\":\"video/mp4\",\"parts\":3,\"fileSize\":1500}", "at least 1024 bytes")]
        [InlineData("{\"fileName\":\"a\",\"contentType\":\"video/mp4\",\"kind\":\"image\",\"parts\":1,\"fileSize\":10}", "'kind'")]
        public async Task Bad_upload_requests_get_400(string body, string expected)
        {
            var response = await Http.PostAsync("uploads", Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(expected, (string)(await ReadJsonAsync(response))["message"]!);
        }

        [Fact]
        public async Task Part_urls_refuse_altered_signatures_and_size_mismatches_are_caught_on_complete()
        {
            var create = await Http.PostAsync("uploads", Json("{\"fileName\":\"x.mp4\",\"contentType\":\"video/mp4\",\"parts\":1,\"fileSize\":100}"));
            var upload = (await ReadJsonAsync(create))["upload"]!;
            var url = (string)upload["parts"]![0]!["url"]!;
            using var raw = new HttpClient();
            var tampered = await raw.PutAsync(new Uri(url.Replace("/parts/1", "/parts/1x", StringComparison.Ordinal)), new ByteArrayContent(new byte[10]));
            Assert.NotEqual(HttpStatusCode.OK, tampered.StatusCode);
            var badSig = await raw.PutAsync(new Uri(url[..^3] + "abc"), new ByteArrayContent(new byte[10]));
            Assert.Equal(HttpStatusCode.Forbidden, badSig.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await raw.PutAsync(new Uri(url), new ByteArrayContent(new byte[60]))).StatusCode);
            var complete = await Http.PostAsync("uploads/" + (string)upload["id"]! + "/action", Json("{\"action\":\"complete\"}"));
            Assert.Equal(HttpStatusCode.BadRequest, complete.StatusCode);
            Assert.Contains("fileSize 100", (string)(await ReadJsonAsync(complete))["message"]!);
        }

        [Fact]
        public async Task Video_to_video_returns_the_uploaded_input_clip()
        {
            var clip = SampleMedia.GetVideo();
            clip[^1] ^= 0x5A; // a clip distinguishable from the bundled one
            var video = await UploadVideoAsync(Http, clip);
            var created = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.VideoToVideoId,
                Json("{\"prompt\":\"p\",\"video\":\"" + video + "\"}")));
            var job = await WaitForJobAsync(Http, (string)created["job"]!["jobId"]!);
            var asset = (await ReadJsonAsync(await Http.GetAsync("assets/" + (string)job["metadata"]!["assetIds"]![0]!)))["asset"]!;
            using var raw = new HttpClient();
            Assert.Equal(clip, await raw.GetByteArrayAsync(new Uri((string)asset["url"]!)));
        }

        [Fact]
        public async Task Image_models_return_the_bundled_png()
        {
            await Emulator.DisposeAsync();
            var model = new ScenarioModelDescriptor("model_test-image", "Test image", "TestImage", new[]
            {
                new ScenarioParameterDescriptor("prompt", "Prompt", ScenarioParameterType.String, isRequired: true),
            });
            await using var emulator = await ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions
            {
                ApiKey = Key, ApiSecret = Secret, Models = new[] { model }, QueuedDuration = TimeSpan.Zero, RunningDuration = TimeSpan.FromMilliseconds(20),
            });
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            http.DefaultRequestHeaders.Authorization = Http.DefaultRequestHeaders.Authorization;
            var created = await ReadJsonAsync(await http.PostAsync("generate/custom/model_test-image", Json("{\"prompt\":\"cat\"}")));
            var job = await WaitForJobAsync(http, (string)created["job"]!["jobId"]!);
            var asset = (await ReadJsonAsync(await http.GetAsync("assets/" + (string)job["metadata"]!["assetIds"]![0]!)))["asset"]!;
            Assert.Equal("image/png", (string)asset["mimeType"]!);
            Assert.Equal(SampleMedia.GetImage(), await http.GetByteArrayAsync(new Uri((string)asset["url"]!)));
            Assert.Equal(1, (double)created["creativeUnitsCost"]!);
        }
    }
}
