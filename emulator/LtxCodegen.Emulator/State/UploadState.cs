using System;

namespace LtxCodegen.Emulator.State
{
    /// <summary>A multipart upload: its declared file, the parts received so far, and its import job.</summary>
    internal sealed class UploadState
    {
        private readonly object _gate = new object();
        private readonly byte[]?[] _parts;

        public UploadState(string id, string owner, string fileName, string contentType, string kind, long fileSize, int partCount, string jobId, DateTimeOffset createdAt)
        {
            Id = id;
            Owner = owner;
            FileName = fileName;
            ContentType = contentType;
            Kind = kind;
            FileSize = fileSize;
            PartCount = partCount;
            JobId = jobId;
            CreatedAt = createdAt;
            _parts = new byte[partCount][];
        }

        public string Id { get; }

        public string Owner { get; }

        public string FileName { get; }

        public string ContentType { get; }

        public string Kind { get; }

        public long FileSize { get; }

        public int PartCount { get; }

        public string JobId { get; }

        public DateTimeOffset CreatedAt { get; }

        public string? AssetId { get; private set; }

        public bool IsCompleted { get; private set; }

        public void SetPart(int number, byte[] data)
        {
            lock (_gate)
            {
                _parts[number - 1] = data;
            }
        }

        public long? PartSize(int number)
        {
            lock (_gate)
            {
                return _parts[number - 1]?.LongLength;
            }
        }

        /// <summary>Checks the parts and joins them; returns the problem, or null and the file.</summary>
        public string? TryComplete(long minimumPartSize, out byte[]? file)
        {
            lock (_gate)
            {
                file = null;
                if (IsCompleted)
                {
                    return "The upload is already completed.";
                }

                long total = 0;
                for (var i = 0; i < _parts.Length; i++)
                {
                    var part = _parts[i];
                    if (part is null)
                    {
                        return "Part " + (i + 1) + " of " + _parts.Length + " was not uploaded.";
                    }

                    if (i < _parts.Length - 1 && part.LongLength < minimumPartSize)
                    {
                        return "Part " + (i + 1) + " has " + part.LongLength + " bytes; every part but the last must have at least " + minimumPartSize + " bytes.";
                    }

                    total += part.LongLength;
                }

                if (total != FileSize)
                {
                    return "The parts hold " + total + " bytes but the upload declared fileSize " + FileSize + ".";
                }

                var joined = new byte[total];
                long offset = 0;
                foreach (var part in _parts)
                {
                    Buffer.BlockCopy(part!, 0, joined, (int)offset, part!.Length);
                    offset += part.Length;
                }

                file = joined;
                IsCompleted = true;
                return null;
            }
        }

        public void SetAsset(string assetId)
        {
            lock (_gate)
            {
                AssetId = assetId;
            }
        }
    }
}
