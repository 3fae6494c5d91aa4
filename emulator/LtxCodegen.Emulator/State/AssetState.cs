using System;

namespace LtxCodegen.Emulator.State
{
    /// <summary>A stored file: an upload, or the output of a job (visible once that job succeeded).</summary>
    internal sealed class AssetState
    {
        public AssetState(string id, string owner, string mimeType, string kind, string name, byte[] data, DateTimeOffset createdAt)
        {
            Id = id;
            Owner = owner;
            MimeType = mimeType;
            Kind = kind;
            Name = name;
            Data = data;
            CreatedAt = createdAt;
        }

        public string Id { get; }

        public string Owner { get; }

        public string MimeType { get; }

        public string Kind { get; }

        public string Name { get; }

        public byte[] Data { get; }

        public DateTimeOffset CreatedAt { get; }

        /// <summary>The job that produces this asset, when it is an output (or an upload's import).</summary>
        public string? SourceJobId { get; init; }

        public int? Width { get; init; }

        public int? Height { get; init; }

        public double? Duration { get; init; }

        public string FileName => Name.IndexOf('.') >= 0 ? Name : Name + Extension(MimeType);

        public static string Extension(string mimeType) => mimeType switch
        {
            "video/mp4" => ".mp4",
            "video/webm" => ".webm",
            "video/quicktime" => ".mov",
            "image/png" => ".png",
            "image/jpeg" => ".jpg",
            "image/webp" => ".webp",
            "image/gif" => ".gif",
            "audio/mpeg" => ".mp3",
            "audio/wav" => ".wav",
            _ => ".bin",
        };
    }
}
