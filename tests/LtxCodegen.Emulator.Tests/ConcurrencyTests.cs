using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace LtxCodegen.Emulator.Tests
{
    public class ConcurrencyTests : EmulatorTestBase
    {
        [Fact]
        public async Task Parallel_generates_create_distinct_jobs_and_every_request_is_logged_once()
        {
            var video = await UploadVideoAsync(Http);
            Emulator.Requests.Clear();
            var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
            {
                var client = i % 2 == 0 ? Http : OtherHttp;
                var body = i % 2 == 0 ? ExtendBody(video) : "{\"prompt\":\"p\",\"video\":\"" + video + "\"}";
                return await client.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(body));
            }));
            Assert.Equal(12, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(12, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest)); // the other user cannot use this video
            var ids = await Task.WhenAll(responses.Where(r => r.IsSuccessStatusCode).Select(async r => (string)(await ReadJsonAsync(r))["job"]!["jobId"]!));
            Assert.Equal(12, ids.Distinct().Count());
            var log = Emulator.Requests.Snapshot();
            Assert.Equal(24, log.Count);
            Assert.Equal(24, log.Select(r => r.Sequence).Distinct().Count());
            Assert.Equal(12, log.Count(r => r.User == OtherKey));
        }

        [Fact]
        public async Task Head_on_a_download_gives_length_and_type_without_a_body()
        {
            var video = await UploadVideoAsync(Http);
            var url = new Uri((string)(await ReadJsonAsync(await Http.GetAsync("assets/" + video)))["asset"]!["url"]!);
            using var raw = new HttpClient();
            using var response = await raw.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(SampleMedia.GetVideo().Length, response.Content.Headers.ContentLength);
            Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        }
    }
}
