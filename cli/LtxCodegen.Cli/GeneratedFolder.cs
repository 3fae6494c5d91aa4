using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace LtxCodegen.Cli
{
    /// <summary>
    /// Replaces <c>ltx generate</c>'s output folder whole: the files go to a new sibling folder, which then takes the
    /// folder's place (the old one is moved aside first and restored if the swap fails). A folder holding anything but
    /// generated <c>*.g.cs</c> files is never replaced.
    /// </summary>
    internal static class GeneratedFolder
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

        public static string? CheckReplaceable(DirectoryInfo output)
        {
            if (File.Exists(output.FullName))
            {
                return "--out names a file, not a folder: " + Commands.GenerateCommand.Clean(output.FullName);
            }

            if (!output.Exists)
            {
                return null;
            }

            if (output.EnumerateDirectories().Any())
            {
                return "--out " + Commands.GenerateCommand.Clean(output.FullName) + " has sub-folders; ltx generate replaces the folder whole, so it only writes to a new folder or one holding generated *.g.cs files";
            }

            var foreign = output.EnumerateFiles().FirstOrDefault(f => !f.Name.EndsWith(".g.cs", StringComparison.Ordinal));
            return foreign is null
                ? null
                : "--out " + Commands.GenerateCommand.Clean(output.FullName) + " holds " + Commands.GenerateCommand.Clean(foreign.Name) + ", which ltx generate did not write; it only replaces a folder of generated *.g.cs files";
        }

        public static void Replace(DirectoryInfo output, IReadOnlyList<(string HintName, string Text)> files, CancellationToken cancellationToken)
        {
            var target = Path.TrimEndingDirectorySeparator(output.FullName);
            var parent = Path.GetDirectoryName(target) ?? throw new InvalidOperationException("--out cannot be a root folder");
            Directory.CreateDirectory(parent);
            var suffix = "." + Guid.NewGuid().ToString("N").Substring(0, 8);
            var staging = target + ".ltx-new" + suffix;
            var aside = target + ".ltx-old" + suffix;
            try
            {
                Directory.CreateDirectory(staging);
                foreach (var (hintName, text) in files)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (Path.GetFileName(hintName) != hintName || !hintName.EndsWith(".g.cs", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException("unexpected generated file name '" + Commands.GenerateCommand.Clean(hintName) + "'");
                    }

                    // As the compiler writes generated files (EmitCompilerGeneratedFiles): UTF-8 with a byte order mark.
                    File.WriteAllText(Path.Combine(staging, hintName), text, Utf8);
                }

                if (Directory.Exists(target))
                {
                    Directory.Move(target, aside);
                    try
                    {
                        Directory.Move(staging, target);
                    }
                    catch
                    {
                        Directory.Move(aside, target);
                        throw;
                    }

                    Directory.Delete(aside, recursive: true);
                }
                else
                {
                    Directory.Move(staging, target);
                }
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        }
    }
}
