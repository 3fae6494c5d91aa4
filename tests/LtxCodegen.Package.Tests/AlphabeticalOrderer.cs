using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LtxCodegen.Package.Tests
{
    /// <summary>Runs a class's tests by name, so that steps on one consumer project happen in the written order.</summary>
    public sealed class AlphabeticalOrderer : ITestCaseOrderer
    {
        public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
            where TTestCase : ITestCase =>
            testCases.OrderBy(t => t.TestMethod.Method.Name, System.StringComparer.Ordinal);
    }
}
