using System;
using System.IO;

namespace LtxCodegen.Emulator
{
    /// <summary>The real, playable files the emulator returns as outputs: a 1.5 s H.264/AAC MP4 (160x96, 12 fps) and a 64x64 PNG.</summary>
    public static class SampleMedia
    {
        private static readonly Lazy<byte[]> Mp4 = new Lazy<byte[]>(() => Load("LtxCodegen.Emulator.sample.mp4"));
        private static readonly Lazy<byte[]> Png = new Lazy<byte[]>(() => Load("LtxCodegen.Emulator.sample.png"));

        /// <summary>Width of the bundled clip in pixels.</summary>
        public const int VideoWidth = 160;

        /// <summary>Height of the bundled clip in pixels.</summary>
        public const int VideoHeight = 96;

        /// <summary>Duration of the bundled clip in seconds.</summary>
        public const double VideoDurationSeconds = 1.5;

        /// <summary>Side of the bundled square image in pixels.</summary>
        public const int ImageSize = 64;

        /// <summary>A copy of the bundled MP4 clip.</summary>
        public static byte[] GetVideo() => (byte[])Mp4.Value.Clone();

        /// <summary>A copy of the bundled PNG image.</summary>
        public static byte[] GetImage() => (byte[])Png.Value.Clone();

        internal static byte[] VideoShared => Mp4.Value;

        internal static byte[] ImageShared => Png.Value;

        private static byte[] Load(string name)
        {
            using var stream = typeof(SampleMedia).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException("The emulator assembly lacks its embedded resource " + name + ".");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
