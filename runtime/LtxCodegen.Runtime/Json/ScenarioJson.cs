using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace LtxCodegen.Json
{
    /// <summary>Reads the service's JSON shapes leniently (JsonDocument only: no reflection, trim- and AOT-safe).</summary>
    internal static class ScenarioJson
    {
        /// <summary>Reads a job from <c>{"job": {...}}</c>, a bare job object, or a bare <c>jobId</c> string.</summary>
        public static ScenarioJob? ReadJob(JsonElement root)
        {
            if (root.ValueKind == JsonValueKind.String)
            {
                var bare = root.GetString();
                return string.IsNullOrEmpty(bare) ? null : new ScenarioJob(bare!, "queued");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var job = Property(root, "job") is JsonElement j && j.ValueKind == JsonValueKind.Object ? j : root;
            var jobId = String(job, "jobId") ?? String(job, "id") ?? String(root, "jobId");
            if (string.IsNullOrEmpty(jobId))
            {
                return null;
            }

            var status = String(job, "status") ?? "queued";
            var metadata = Object(job, "metadata");
            var assetIds = new List<string>();
            if (metadata is JsonElement m && Property(m, "assetIds") is JsonElement ids && ids.ValueKind == JsonValueKind.Array)
            {
                foreach (var id in ids.EnumerateArray())
                {
                    if (id.ValueKind == JsonValueKind.String && id.GetString() is string s && s.Length > 0)
                    {
                        assetIds.Add(s);
                    }
                }
            }

            double? cost = null;
            if (Object(job, "billing") is JsonElement billing)
            {
                cost = Number(billing, "cuCost");
            }

            cost ??= Number(root, "creativeUnitsCost") ?? Number(job, "creativeUnitsCost");

            string? outputEntityId = null;
            if (metadata is JsonElement meta && Object(meta, "output") is JsonElement output)
            {
                outputEntityId = String(output, "entityId");
            }

            return new ScenarioJob(
                jobId!,
                status,
                NormalizeProgress(Number(job, "progress")),
                assetIds,
                FailureReason(job, metadata),
                cost,
                String(job, "jobType"),
                outputEntityId);
        }

        /// <summary>Reads <c>remainingSeconds</c> from a job or error body, when given.</summary>
        public static double? RemainingSeconds(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var job = Object(root, "job") ?? root;
            return Number(job, "remainingSeconds") ?? Number(root, "remainingSeconds");
        }

        /// <summary>Reads an asset from <c>{"asset": {...}}</c> or a bare asset object.</summary>
        public static ScenarioAsset? ReadAsset(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var asset = Object(root, "asset") ?? root;
            var id = String(asset, "id") ?? String(asset, "assetId");
            if (string.IsNullOrEmpty(id))
            {
                return null;
            }

            Uri? url = null;
            if (String(asset, "url") is string u && Uri.TryCreate(u, UriKind.Absolute, out var parsed))
            {
                url = parsed;
            }

            var metadata = Object(asset, "metadata");
            var properties = Object(asset, "properties");
            long? size = Integer(asset, "size");
            if (size is null && metadata is JsonElement m)
            {
                size = Integer(m, "size");
            }

            if (size is null && properties is JsonElement p)
            {
                size = Integer(p, "size");
            }

            var kind = String(asset, "kind");
            if (kind is null && metadata is JsonElement m2)
            {
                kind = String(m2, "kind") ?? String(m2, "type");
            }

            return new ScenarioAsset(id!, url, String(asset, "mimeType") ?? String(asset, "contentType"), kind, size);
        }

        /// <summary>Reads an upload from <c>{"upload": {...}}</c> or a bare upload object.</summary>
        public static UploadInfo? ReadUpload(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var upload = Object(root, "upload") ?? root;
            var id = String(upload, "id") ?? String(upload, "uploadId");
            if (string.IsNullOrEmpty(id))
            {
                return null;
            }

            var parts = new List<UploadPart>();
            if (Property(upload, "parts") is JsonElement array && array.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var part in array.EnumerateArray())
                {
                    index++;
                    if (part.ValueKind != JsonValueKind.Object || String(part, "url") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
                    {
                        continue;
                    }

                    var number = Integer(part, "number") ?? Integer(part, "partNumber") ?? index;
                    parts.Add(new UploadPart((int)number, uri));
                }
            }

            parts.Sort((a, b) => a.Number.CompareTo(b.Number));
            return new UploadInfo(
                id!,
                String(upload, "status"),
                parts,
                String(upload, "jobId"),
                String(upload, "entityId") ?? String(upload, "assetId"),
                String(upload, "errorMessage") ?? String(upload, "error") ?? String(upload, "reason"));
        }

        /// <summary>Reads the reason, trace id and remaining seconds of an error body (any shape; null when absent).</summary>
        public static ErrorInfo ReadError(byte[] body)
        {
            if (body.Length == 0)
            {
                return default;
            }

            try
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.String)
                {
                    return new ErrorInfo(root.GetString(), null, null);
                }

                if (root.ValueKind != JsonValueKind.Object)
                {
                    return default;
                }

                var reason = Text(root, "reason") ?? Text(root, "message") ?? Text(root, "error") ?? Text(root, "detail") ?? Text(root, "errorMessage");
                var traceId = String(root, "traceId") ?? String(root, "trace_id");
                if (Object(root, "error") is JsonElement nested)
                {
                    traceId ??= String(nested, "traceId") ?? String(nested, "trace_id");
                }

                // Limit errors name the limit in `details` ({"details": {"actionName": "parallel-custom-jobs", "actionLimit": 5}}).
                var details = Object(root, "details");
                var actionName = String(root, "actionName") ?? (details is JsonElement d1 ? String(d1, "actionName") : null);
                var actionLimit = Number(root, "actionLimit") ?? (details is JsonElement d2 ? Number(d2, "actionLimit") : null);
                return new ErrorInfo(reason, traceId, Number(root, "remainingSeconds"), actionName,
                    actionLimit is double l && l >= 0 && l <= int.MaxValue ? (int)l : (int?)null, ErrorDetails.Read(root, reason));
            }
            catch (JsonException)
            {
                return default;
            }
        }

        private static string? FailureReason(JsonElement job, JsonElement? metadata)
        {
            string? error = null;
            string? hint = null;
            if (metadata is JsonElement m)
            {
                error = Text(m, "error");
                hint = Text(m, "hint");
            }

            error ??= Text(job, "error") ?? Text(job, "errorMessage") ?? Text(job, "failureReason") ?? Text(job, "reason");
            if (error is null)
            {
                return hint;
            }

            return hint is null ? error : error + " (hint: " + hint + ")";
        }

        private static double? NormalizeProgress(double? progress)
        {
            if (progress is not double p || double.IsNaN(p) || double.IsInfinity(p))
            {
                return null;
            }

            // The reference says 0 to 1; some responses use percentages.
            if (p > 1 && p <= 100)
            {
                p /= 100;
            }

            return Math.Max(0, Math.Min(1, p));
        }

        /// <summary>A string, or the <c>message</c>/<c>reason</c> of an object (e.g. <c>"error": {"message": ...}</c>).</summary>
        internal static string? Text(JsonElement obj, string name)
        {
            if (Property(obj, name) is not JsonElement value)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                var s = value.GetString();
                return string.IsNullOrWhiteSpace(s) ? null : s;
            }

            if (value.ValueKind == JsonValueKind.Object)
            {
                return Text(value, "message") ?? Text(value, "reason") ?? Text(value, "detail");
            }

            return null;
        }

        private static JsonElement? Property(JsonElement obj, string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : (JsonElement?)null;

        private static JsonElement? Object(JsonElement obj, string name) =>
            Property(obj, name) is JsonElement v && v.ValueKind == JsonValueKind.Object ? v : (JsonElement?)null;

        private static string? String(JsonElement obj, string name) =>
            Property(obj, name) is JsonElement v && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static double? Number(JsonElement obj, string name)
        {
            if (Property(obj, name) is not JsonElement v)
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d))
            {
                return d;
            }

            if (v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            return null;
        }

        private static long? Integer(JsonElement obj, string name) =>
            Number(obj, name) is double d && d >= 0 && d <= long.MaxValue ? (long)d : (long?)null;
    }

    /// <summary>What an error body says.</summary>
    internal readonly struct ErrorInfo
    {
        public ErrorInfo(string? reason, string? traceId, double? remainingSeconds, ErrorDetails? details = null)
            : this(reason, traceId, remainingSeconds, null, null, details)
        {
        }

        public ErrorInfo(string? reason, string? traceId, double? remainingSeconds, string? actionName, int? actionLimit, ErrorDetails? details = null)
        {
            Reason = reason;
            TraceId = traceId;
            RemainingSeconds = remainingSeconds;
            ActionName = actionName;
            ActionLimit = actionLimit;
            Details = details;
        }

        /// <summary>Every other text of the error body (message, per-parameter errors, details), when it has any.</summary>
        public ErrorDetails? Details { get; }

        public string? Reason { get; }
        public string? TraceId { get; }
        public double? RemainingSeconds { get; }

        /// <summary>The limit a 429 names (<c>actionName</c>, e.g. <c>parallel-custom-jobs</c>), when given.</summary>
        public string? ActionName { get; }

        /// <summary>The ceiling of that limit (<c>actionLimit</c>), when given.</summary>
        public int? ActionLimit { get; }
    }

    /// <summary>A multipart upload as the service describes it.</summary>
    internal sealed class UploadInfo
    {
        public UploadInfo(string id, string? status, IReadOnlyList<UploadPart> parts, string? jobId, string? entityId, string? errorMessage)
        {
            Id = id;
            Status = status;
            Parts = parts;
            JobId = jobId;
            EntityId = entityId;
            ErrorMessage = errorMessage;
        }

        public string Id { get; }
        public string? Status { get; }
        public IReadOnlyList<UploadPart> Parts { get; }
        public string? JobId { get; }
        public string? EntityId { get; }
        public string? ErrorMessage { get; }
        public bool IsFailed => string.Equals(Status, "failed", StringComparison.OrdinalIgnoreCase) || string.Equals(Status, "failure", StringComparison.OrdinalIgnoreCase) || string.Equals(Status, "error", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>One part URL of a multipart upload.</summary>
    internal readonly struct UploadPart
    {
        public UploadPart(int number, Uri url)
        {
            Number = number;
            Url = url;
        }

        public int Number { get; }
        public Uri Url { get; }
    }
}
