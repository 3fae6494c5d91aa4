using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using AotSmoke;
using LtxCodegen;

// Validate and serialize a generated request with no reflection; then, when SCENARIO_API_URL names a Scenario
// service (aot-check.sh starts the emulator), run a whole job through the generated client: upload, submit, poll
// with progress, download. Exit 0 only when all of it behaves.
var request = new Ltx2_19bExtendVideoRequest { Prompt = "A dolly shot over a lake", Video = "asset_abc123" };
var errors = request.Validate();
if (errors.Count != 0)
{
    Console.Error.WriteLine("valid request rejected: " + string.Join("; ", errors));
    return 1;
}

using var stream = new MemoryStream();
using (var writer = new Utf8JsonWriter(stream))
{
    request.WriteJson(writer);
}

var json = Encoding.UTF8.GetString(stream.ToArray());
using var parsed = JsonDocument.Parse(json);
if (parsed.RootElement.GetProperty("prompt").GetString() != request.Prompt || parsed.RootElement.GetProperty("video").GetString() != "asset_abc123")
{
    Console.Error.WriteLine("unexpected body: " + json);
    return 1;
}

var bad = new Ltx2_19bExtendVideoRequest { Prompt = "x", Video = "asset_abc123", Fps = 1000 };
if (bad.Validate().Count == 0)
{
    Console.Error.WriteLine("out-of-range fps accepted");
    return 1;
}

Console.WriteLine("model " + Ltx2_19bExtendVideoModel.Id + " (" + ScenarioModels.All.Count + " models): " + json);
return string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SCENARIO_API_URL")) ? 0 : await RunJobAsync();

static async Task<int> RunJobAsync()
{
    // Options read SCENARIO_API_URL, SCENARIO_API_KEY and SCENARIO_API_SECRET.
    using var client = new ScenarioClient(new ScenarioClientOptions { PollInterval = TimeSpan.FromMilliseconds(50) });
    var folder = Path.Combine(Path.GetTempPath(), "aot-smoke-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    try
    {
        var clip = Path.Combine(folder, "clip.mp4");
        File.WriteAllBytes(clip, Clip());
        var video = await client.UploadAssetAsync(clip);
        var updates = 0;
        var job = await client.RunLtx2_19bExtendVideoAsync(
            new Ltx2_19bExtendVideoRequest { Prompt = "A dolly shot over a lake", Video = video, Fps = 24 },
            new Progress(() => updates++));
        var output = Path.Combine(folder, "out.mp4");
        var asset = await client.DownloadAssetAsync(job.AssetIds[0], output);
        var length = new FileInfo(output).Length;
        Console.WriteLine("job " + job.JobId + " " + job.Status + " after " + updates + " progress update(s); asset " + asset.Id + " downloaded, " + length + " bytes");
        return job.IsSuccess && length > 0 ? 0 : 1;
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

// A minimal ISO-BMFF header ("ftyp" box): enough for a video/mp4 upload the emulator echoes back as the output.
static byte[] Clip()
{
    var bytes = new byte[4096];
    var ftyp = new byte[] { 0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0, (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1' };
    ftyp.CopyTo(bytes, 0);
    return bytes;
}

internal sealed class Progress : IProgress<ScenarioJob>
{
    private readonly Action _onReport;

    public Progress(Action onReport) => _onReport = onReport;

    public void Report(ScenarioJob value) => _onReport();
}
