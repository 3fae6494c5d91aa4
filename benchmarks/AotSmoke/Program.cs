using System;
using System.IO;
using System.Text;
using System.Text.Json;
using AotSmoke;
using LtxCodegen;

// Validate and serialize a generated request with no reflection; exit 0 only when both behave.
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
return 0;
