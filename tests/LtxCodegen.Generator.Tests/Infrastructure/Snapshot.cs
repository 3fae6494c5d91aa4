using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace LtxCodegen.Generator.Tests.Infrastructure
{
    /// <summary>
    /// Compares text with a checked-in <c>Snapshots/{name}.verified.cs</c>. On a mismatch it writes
    /// <c>{name}.received.cs</c> beside it and fails; with <c>LTXCODEGEN_ACCEPT_SNAPSHOTS=1</c> it overwrites the
    /// verified file instead.
    /// </summary>
    internal static class Snapshot
    {
        public const string AcceptVariable = "LTXCODEGEN_ACCEPT_SNAPSHOTS";

        /// <summary>
        /// The test project's source folder, recorded at build time (source paths in the PDB are mapped to <c>/_/</c>
        /// in CI builds, so <c>CallerFilePath</c> cannot find it).
        /// </summary>
        public static string ProjectDirectory { get; } =
            typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "LtxCodegenTestProjectDirectory")?.Value
            ?? throw new InvalidOperationException("The test assembly does not record LtxCodegenTestProjectDirectory.");

        public static void Verify(string name, string actual, string extension = ".cs") =>
            Verify(name, actual, extension, Environment.GetEnvironmentVariable(AcceptVariable) == "1");

        public static void Verify(string name, string actual, string extension, bool accept)
        {
            var directory = Path.Combine(ProjectDirectory, "Snapshots");
            Directory.CreateDirectory(directory);
            var verified = Path.Combine(directory, name + ".verified" + extension);
            var received = Path.Combine(directory, name + ".received" + extension);
            actual = actual.Replace("\r\n", "\n");
            if (accept)
            {
                File.WriteAllText(verified, actual);
                File.Delete(received);
                return;
            }

            var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
            if (expected == actual)
            {
                File.Delete(received);
                return;
            }

            File.WriteAllText(received, actual);
            Assert.Fail(expected is null
                ? $"No snapshot {verified}. Review {received} and accept it (rename, or run with LTXCODEGEN_ACCEPT_SNAPSHOTS=1)."
                : $"Generated code differs from {verified}; see {received}. Accept with LTXCODEGEN_ACCEPT_SNAPSHOTS=1 if intended.");
        }
    }
}
