using System;

namespace LtxCodegen.Batch
{
    /// <summary>What the ledger knows of one input file, keyed by its content hash: one upload per distinct file.</summary>
    public sealed class ScenarioBatchUploadRecord
    {
        /// <summary>Creates a record of an upload about to start.</summary>
        public ScenarioBatchUploadRecord(string contentHash, string fileName)
        {
            ContentHash = contentHash ?? throw new ArgumentNullException(nameof(contentHash));
            FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        }

        /// <summary>SHA-256 of the file's bytes (lower-case hex).</summary>
        public string ContentHash { get; }

        /// <summary>The file that was uploaded (for messages).</summary>
        public string FileName { get; }

        /// <summary>The new asset id once the upload is confirmed; null while it is under way (or was cut off).</summary>
        public string? AssetId { get; set; }

        /// <inheritdoc />
        public override string ToString() => FileName + " " + ContentHash.Substring(0, Math.Min(12, ContentHash.Length)) + " " + (AssetId ?? "(uploading)");
    }
}
