using System;

namespace LtxCodegen.Emulator.State
{
    /// <summary>Checks that a file starts like the type it claims to be, and reads PNG dimensions.</summary>
    internal static class MediaSniffer
    {
        /// <summary>Null when the bytes fit the MIME type (or the type is not checked), otherwise the problem.</summary>
        public static string? Check(string mimeType, byte[] data)
        {
            bool ok = mimeType switch
            {
                "video/mp4" or "video/quicktime" => data.Length >= 12 && data[4] == (byte)'f' && data[5] == (byte)'t' && data[6] == (byte)'y' && data[7] == (byte)'p',
                "video/webm" => data.Length >= 4 && data[0] == 0x1A && data[1] == 0x45 && data[2] == 0xDF && data[3] == 0xA3,
                "image/png" => data.Length >= 24 && data[0] == 0x89 && data[1] == (byte)'P' && data[2] == (byte)'N' && data[3] == (byte)'G',
                "image/jpeg" => data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF,
                "image/webp" => data.Length >= 12 && data[8] == (byte)'W' && data[9] == (byte)'E' && data[10] == (byte)'B' && data[11] == (byte)'P',
                _ => true,
            };
            return ok ? null : "The file is not a valid " + mimeType + " file (its first bytes do not match the format).";
        }

        public static (int Width, int Height)? PngSize(byte[] data)
        {
            if (Check("image/png", data) is not null)
            {
                return null;
            }

            int Read(int offset) => (data[offset] << 24) | (data[offset + 1] << 16) | (data[offset + 2] << 8) | data[offset + 3];
            return (Read(16), Read(20));
        }

        public static string KindOf(string mimeType)
        {
            var slash = mimeType.IndexOf('/');
            var major = slash > 0 ? mimeType.Substring(0, slash) : mimeType;
            return major switch
            {
                "image" => "image",
                "video" => "video",
                "audio" => "audio",
                "model" => "3d",
                _ => "file",
            };
        }
    }
}
