using System;
using System.Collections.Generic;
using System.IO;

namespace LtxCodegen.Internal
{
    /// <summary>Content types by file extension, and back.</summary>
    internal static class MediaTypes
    {
        private static readonly Dictionary<string, string> s_byExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".mp4"] = "video/mp4",
            [".m4v"] = "video/mp4",
            [".webm"] = "video/webm",
            [".mov"] = "video/quicktime",
            [".mkv"] = "video/x-matroska",
            [".avi"] = "video/x-msvideo",
            [".png"] = "image/png",
            [".jpg"] = "image/jpeg",
            [".jpeg"] = "image/jpeg",
            [".webp"] = "image/webp",
            [".gif"] = "image/gif",
            [".avif"] = "image/avif",
            [".bmp"] = "image/bmp",
            [".tif"] = "image/tiff",
            [".tiff"] = "image/tiff",
            [".mp3"] = "audio/mpeg",
            [".wav"] = "audio/wav",
            [".ogg"] = "audio/ogg",
            [".m4a"] = "audio/mp4",
            [".flac"] = "audio/flac",
            [".glb"] = "model/gltf-binary",
            [".gltf"] = "model/gltf+json",
        };

        /// <summary>The content type for a file name's extension, or null when unknown.</summary>
        public static string? FromFileName(string? fileName)
        {
            if (string.IsNullOrEmpty(fileName))
            {
                return null;
            }

            var extension = Path.GetExtension(fileName);
            return extension.Length > 0 && s_byExtension.TryGetValue(extension, out var type) ? type : null;
        }

        /// <summary>The asset kind the service uses for a content type (<c>image</c>, <c>video</c>, <c>audio</c>, <c>3d</c>), or null.</summary>
        public static string? KindOf(string contentType)
        {
            if (contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            {
                return "image";
            }

            if (contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase))
            {
                return "video";
            }

            if (contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase))
            {
                return "audio";
            }

            return contentType.StartsWith("model/", StringComparison.OrdinalIgnoreCase) ? "3d" : null;
        }

        /// <summary>A file extension (with the dot) for a content type, or null.</summary>
        public static string? ExtensionOf(string? contentType)
        {
            if (string.IsNullOrEmpty(contentType))
            {
                return null;
            }

            var bare = contentType!.Split(';')[0].Trim();
            foreach (var pair in s_byExtension)
            {
                if (string.Equals(pair.Value, bare, StringComparison.OrdinalIgnoreCase))
                {
                    return pair.Key;
                }
            }

            return null;
        }
    }
}
