using System;
using System.Globalization;
using System.Text.Json.Nodes;
using LtxCodegen.Emulator.State;

namespace LtxCodegen.Emulator
{
    /// <summary>The JSON shapes of jobs, assets and uploads, as the service writes them.</summary>
    internal sealed partial class EmulatorState
    {
        public JsonObject JobJson(JobState job)
        {
            var snapshot = job.Observe(Now, Timings);
            var history = new JsonArray();
            foreach (var (date, status) in snapshot.History)
            {
                history.Add(new JsonObject { ["date"] = Iso(date), ["status"] = status });
            }

            var metadata = new JsonObject();
            if (job.ModelId is not null)
            {
                metadata["modelId"] = job.ModelId;
            }

            metadata["input"] = job.Input?.DeepClone() ?? new JsonObject();
            var assetIds = new JsonArray();
            if (snapshot.Status == "success")
            {
                foreach (var id in job.OutputAssetIds)
                {
                    assetIds.Add(id);
                }

                if (job.OutputEntityId is not null)
                {
                    metadata["output"] = new JsonObject { ["entityId"] = job.OutputEntityId };
                }
            }

            metadata["assetIds"] = assetIds;
            if (snapshot.Error is not null)
            {
                metadata["error"] = snapshot.Error;
            }

            if (snapshot.Hint is not null)
            {
                metadata["hint"] = snapshot.Hint;
            }

            var charged = snapshot.Status is "failure" or "canceled" ? 0 : job.Cost;
            return new JsonObject
            {
                ["jobId"] = job.Id,
                ["jobType"] = job.JobType,
                ["status"] = snapshot.Status,
                ["progress"] = snapshot.Progress,
                ["authorId"] = job.Owner,
                ["ownerId"] = job.Owner,
                ["createdAt"] = Iso(job.CreatedAt),
                ["updatedAt"] = Iso(snapshot.UpdatedAt),
                ["statusHistory"] = history,
                ["billing"] = Billing(job, charged),
                ["metadata"] = metadata,
            };
        }

        /// <summary><c>{cuCost, cuDiscount, cuCostDetails}</c>; a failed or canceled job is refunded (every item 0).</summary>
        private static JsonObject Billing(JobState job, double charged)
        {
            var billing = new JsonObject { ["cuCost"] = charged, ["cuDiscount"] = 0 };
            if (job.CostDetails is JsonObject details)
            {
                var items = new JsonObject();
                foreach (var item in details)
                {
                    items[item.Key] = charged == 0 ? 0 : item.Value?.DeepClone();
                }

                billing["cuCostDetails"] = items;
            }

            return billing;
        }

        public JsonObject AssetJson(AssetState asset, Uri? url)
        {
            var metadata = new JsonObject
            {
                ["type"] = asset.SourceJobId is null ? "uploaded" : "inference-custom",
                ["kind"] = asset.Kind,
                ["name"] = asset.Name,
                ["size"] = asset.Data.LongLength,
            };
            var properties = new JsonObject { ["size"] = asset.Data.LongLength };
            if (asset.Width is int w && asset.Height is int h)
            {
                metadata["width"] = w;
                metadata["height"] = h;
                properties["width"] = w;
                properties["height"] = h;
            }

            if (asset.Duration is double d)
            {
                properties["duration"] = d;
            }

            var json = new JsonObject
            {
                ["id"] = asset.Id,
                ["url"] = url?.AbsoluteUri,
                ["mimeType"] = asset.MimeType,
                ["kind"] = asset.Kind,
                ["status"] = "success",
                ["ownerId"] = asset.Owner,
                ["authorId"] = asset.Owner,
                ["createdAt"] = Iso(asset.CreatedAt),
                ["metadata"] = metadata,
                ["properties"] = properties,
            };
            if (asset.SourceJobId is not null)
            {
                json["jobId"] = asset.SourceJobId;
            }

            return json;
        }

        public JsonObject UploadJson(UploadState upload, bool withPartUrls)
        {
            var now = Now;
            var job = Store.FindJob(upload.JobId);
            var snapshot = job?.Observe(now, Timings);
            string status;
            if (!upload.IsCompleted || snapshot is null)
            {
                status = "pending";
            }
            else
            {
                status = snapshot.Status switch
                {
                    "queued" => "validating",
                    "in-progress" => "validated",
                    "success" => "imported",
                    _ => "failed",
                };
            }

            var parts = new JsonArray();
            for (var n = 1; n <= upload.PartCount; n++)
            {
                var part = new JsonObject { ["number"] = n };
                if (withPartUrls)
                {
                    var expires = now + Options.UrlLifetime;
                    var path = PartPath(upload, n);
                    part["url"] = new Uri(Root, path + Signer.Sign("PUT", path, expires)).AbsoluteUri;
                    part["expires"] = Iso(expires);
                }

                if (upload.PartSize(n) is long size)
                {
                    part["size"] = size;
                }

                parts.Add(part);
            }

            var json = new JsonObject
            {
                ["id"] = upload.Id,
                ["status"] = status,
                ["fileName"] = upload.FileName,
                ["contentType"] = upload.ContentType,
                ["kind"] = upload.Kind,
                ["fileSize"] = upload.FileSize,
                ["partsCount"] = upload.PartCount,
                ["parts"] = parts,
                ["jobId"] = upload.JobId,
                ["createdAt"] = Iso(upload.CreatedAt),
            };
            if (status == "imported" && upload.AssetId is not null)
            {
                json["entityId"] = upload.AssetId;
                json["assetId"] = upload.AssetId;
            }

            if (status == "failed" && snapshot?.Error is not null)
            {
                json["errorMessage"] = snapshot.Error;
            }

            return json;
        }

        public static string PartPath(UploadState upload, int number) =>
            "/s3/uploads/" + Uri.EscapeDataString(upload.Id) + "/parts/" + number.ToString(CultureInfo.InvariantCulture);

        public static string Iso(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
