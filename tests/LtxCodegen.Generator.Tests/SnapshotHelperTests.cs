using System;
using System.IO;
using LtxCodegen.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace LtxCodegen.Generator.Tests
{
    public class SnapshotHelperTests
    {
        [Fact]
        public void A_mismatch_writes_received_and_fails_and_accept_overwrites_verified()
        {
            var name = "HelperSelfTest." + Guid.NewGuid().ToString("N");
            var directory = Path.Combine(Snapshot.ProjectDirectory, "Snapshots");
            var verified = Path.Combine(directory, name + ".verified.txt");
            var received = Path.Combine(directory, name + ".received.txt");
            try
            {
                Assert.Throws<FailException>(() => Snapshot.Verify(name, "one", ".txt", accept: false));
                Assert.Equal("one", File.ReadAllText(received));
                Assert.False(File.Exists(verified));

                Snapshot.Verify(name, "one", ".txt", accept: true);
                Assert.Equal("one", File.ReadAllText(verified));
                Assert.False(File.Exists(received));

                Snapshot.Verify(name, "one", ".txt", accept: false);
                Assert.Throws<FailException>(() => Snapshot.Verify(name, "two", ".txt", accept: false));
                Assert.Equal("two", File.ReadAllText(received));
            }
            finally
            {
                File.Delete(verified);
                File.Delete(received);
            }
        }
    }
}
