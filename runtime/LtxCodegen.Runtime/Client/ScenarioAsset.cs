using System;

namespace LtxCodegen
{
    /// <summary>An asset as the service describes it.</summary>
    public sealed class ScenarioAsset
    {
        /// <summary>Creates an asset snapshot.</summary>
        public ScenarioAsset(string id, Uri? url, string? mimeType, string? kind = null, long? size = null)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Url = url;
            MimeType = mimeType;
            Kind = kind;
            Size = size;
        }

        /// <summary>The asset id.</summary>
        public string Id { get; }

        /// <summary>The signed download URL: expires soon; never alter its query string.</summary>
        public Uri? Url { get; }

        /// <summary>The MIME type, e.g. <c>video/mp4</c>.</summary>
        public string? MimeType { get; }

        /// <summary>The kind (<c>image</c>, <c>video</c>, ...), when given.</summary>
        public string? Kind { get; }

        /// <summary>The size in bytes, when given.</summary>
        public long? Size { get; }

        /// <summary>A file extension for <see cref="MimeType"/> (e.g. <c>.mp4</c>), or null when the type is unknown.</summary>
        public string? FileExtension => Internal.MediaTypes.ExtensionOf(MimeType);

        /// <inheritdoc />
        public override string ToString() => Id + (MimeType is null ? "" : " (" + MimeType + ")");
    }
}
