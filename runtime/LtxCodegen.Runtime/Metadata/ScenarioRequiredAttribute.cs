using System;

namespace LtxCodegen.Metadata
{
    /// <summary>The parameter is always required.</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class ScenarioRequiredAttribute : Attribute
    {
    }
}
