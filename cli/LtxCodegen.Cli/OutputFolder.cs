using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace LtxCodegen.Cli
{
    /// <summary>
    /// The <c>--out</c> folder, checked before anything is sent, and the names of the files written into it. Names come
    /// from values the CLI controls (the model, the time, the job id the user typed), never from the server; every name
    /// is sanitized and every path is checked to stay inside the folder.
    /// </summary>
    internal sealed class OutputFolder
    {
        private const int MaxStemLength = 100;
        private static readonly Regex s_extension = new(@"^\.[A-Za-z0-9]{1,10}$", RegexOptions.CultureInvariant);
        private static readonly string[] s_reservedWindowsNames =
        {
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
        };

        private OutputFolder(string given, string fullPath, string optionName)
        {
            Given = given;
            FullPath = fullPath;
            OptionName = optionName;
        }

        /// <summary>The option that named the folder (<c>--out</c>, <c>--dir</c>), for messages.</summary>
        public string OptionName { get; }

        /// <summary>The folder as the user gave it (repeated in resume commands).</summary>
        public string Given { get; }

        /// <summary>The absolute folder path.</summary>
        public string FullPath { get; }

        /// <summary>Checks that <paramref name="outDir"/> is (or can be made) a writable folder; throws <see cref="CliInputException"/> otherwise.</summary>
        public static OutputFolder Prepare(string? outDir, string optionName = "--out")
        {
            if (string.IsNullOrWhiteSpace(outDir))
            {
                throw new CliInputException(optionName + " is empty: give a folder (e.g. " + optionName + " out).");
            }

            string full;
            try
            {
                full = Path.GetFullPath(outDir);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                throw new CliInputException(optionName + " '" + TerminalText.StripControls(outDir) + "' is not a usable folder path: " + e.Message);
            }

            if (File.Exists(full))
            {
                throw new CliInputException(optionName + " '" + TerminalText.StripControls(outDir) + "' is an existing file, not a folder. Nothing was sent.");
            }

            try
            {
                Directory.CreateDirectory(full);
                var probe = Path.Combine(full, ".ltx-write-check-" + Guid.NewGuid().ToString("N"));
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException("Cannot write to " + optionName + " '" + TerminalText.StripControls(outDir) + "': " + e.Message + " Nothing was sent.");
            }

            return new OutputFolder(outDir!, full, optionName);
        }

        /// <summary>A stem no file of the folder starts with yet: <paramref name="baseName"/>, else with -2, -3...</summary>
        public string UniqueStem(string baseName)
        {
            var stem = SafeName(baseName);
            for (var n = 1; n < 10_000; n++)
            {
                var candidate = n == 1 ? stem : stem + "-" + n.ToString(CultureInfo.InvariantCulture);
                if (!Directory.EnumerateFileSystemEntries(FullPath, candidate + "*").Any())
                {
                    return candidate;
                }
            }

            throw new CliInputException(OptionName + " '" + TerminalText.StripControls(Given) + "' already holds 10,000 outputs named " + stem + "*: choose another folder.");
        }

        /// <summary>The path of output <paramref name="index"/> of <paramref name="count"/>; always inside the folder.</summary>
        public string PathFor(string stem, int index, int count, string? extension)
        {
            var name = SafeName(stem) + (count > 1 ? "-" + (index + 1).ToString(CultureInfo.InvariantCulture) : "") + SafeExtension(extension);
            var path = Path.GetFullPath(Path.Combine(FullPath, name));
            if (!IsInside(path))
            {
                throw new CliInputException("Refused to write '" + TerminalText.StripControls(name) + "': the path leaves " + OptionName + " '" + TerminalText.StripControls(Given) + "'.");
            }

            return path;
        }

        /// <summary>True when <paramref name="fullPath"/> is a file directly or indirectly inside this folder.</summary>
        public bool IsInside(string fullPath)
        {
            var root = Path.EndsInDirectorySeparator(FullPath) ? FullPath : FullPath + Path.DirectorySeparatorChar;
            var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return fullPath.StartsWith(root, comparison) && fullPath.Length > root.Length;
        }

        /// <summary>A file name made of letters, digits, '-', '_' and inner dots only; never empty, '.', '..' or a device name.</summary>
        public static string SafeName(string? value)
        {
            var sb = new StringBuilder();
            foreach (var c in value ?? "")
            {
                if (sb.Length >= MaxStemLength)
                {
                    break;
                }

                sb.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' ? c : '_');
            }

            var name = sb.ToString().Trim('.');
            if (name.Length == 0)
            {
                return "output";
            }

            var device = name.Split('.')[0];
            return s_reservedWindowsNames.Contains(device, StringComparer.OrdinalIgnoreCase) ? "_" + name : name;
        }

        /// <summary>The extension when it is a plain one (a dot and 1-10 letters or digits), else <c>.bin</c>.</summary>
        public static string SafeExtension(string? extension) =>
            extension is not null && s_extension.IsMatch(extension) ? extension.ToLowerInvariant() : ".bin";
    }
}
