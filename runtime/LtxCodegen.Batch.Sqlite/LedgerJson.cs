using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace LtxCodegen.Batch.Sqlite
{
    /// <summary>The ledger's list columns as JSON text, written and read without reflection.</summary>
    internal static class LedgerJson
    {
        public static string WriteStrings(IReadOnlyList<string> values)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                foreach (var value in values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        public static IReadOnlyList<string> ReadStrings(string json)
        {
            var list = new List<string>();
            using var document = JsonDocument.Parse(json);
            foreach (var item in document.RootElement.EnumerateArray())
            {
                list.Add(item.GetString() ?? throw new InvalidDataException("A null asset id in the batch ledger."));
            }

            return list;
        }

        public static string WriteOutputs(IReadOnlyList<ScenarioBatchOutputFile> outputs)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                foreach (var output in outputs)
                {
                    writer.WriteStartObject();
                    writer.WriteString("file", output.FileName);
                    writer.WriteNumber("size", output.Size);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        public static IReadOnlyList<ScenarioBatchOutputFile> ReadOutputs(string json)
        {
            var list = new List<ScenarioBatchOutputFile>();
            using var document = JsonDocument.Parse(json);
            foreach (var item in document.RootElement.EnumerateArray())
            {
                list.Add(new ScenarioBatchOutputFile(item.GetProperty("file").GetString()!, item.GetProperty("size").GetInt64()));
            }

            return list;
        }
    }
}
