using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace LtxCodegen.Emulator.State
{
    /// <summary>Jobs, assets and uploads of one emulator instance, in memory. Thread-safe.</summary>
    internal sealed class EmulatorStore
    {
        private readonly ConcurrentDictionary<string, JobState> _jobs = new ConcurrentDictionary<string, JobState>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, AssetState> _assets = new ConcurrentDictionary<string, AssetState>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, UploadState> _uploads = new ConcurrentDictionary<string, UploadState>(StringComparer.Ordinal);

        public static string NewId(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N").Substring(0, 24);

        public void Add(JobState job) => _jobs[job.Id] = job;

        public void Add(AssetState asset) => _assets[asset.Id] = asset;

        public void Add(UploadState upload) => _uploads[upload.Id] = upload;

        /// <summary>The job, when it exists and belongs to <paramref name="owner"/>.</summary>
        public JobState? FindJob(string id, string owner) =>
            _jobs.TryGetValue(id, out var job) && job.Owner == owner ? job : null;

        public JobState? FindJob(string id) => _jobs.TryGetValue(id, out var job) ? job : null;

        public IReadOnlyList<JobState> JobsOf(string owner) =>
            _jobs.Values.Where(j => j.Owner == owner).OrderByDescending(j => j.CreatedAt).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();

        /// <summary>The asset regardless of owner and visibility (for signed downloads).</summary>
        public AssetState? FindAsset(string id) => _assets.TryGetValue(id, out var asset) ? asset : null;

        public UploadState? FindUpload(string id, string owner) =>
            _uploads.TryGetValue(id, out var upload) && upload.Owner == owner ? upload : null;

        public UploadState? FindUpload(string id) => _uploads.TryGetValue(id, out var upload) ? upload : null;

        public int JobCount => _jobs.Count;

        public int AssetCount => _assets.Count;
    }
}
