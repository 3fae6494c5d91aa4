using System;

namespace LtxCodegen.Generator.Model
{
    /// <summary>Required when <see cref="OtherWireName"/> is set (ifDefined) or not set (ifNotDefined).</summary>
    internal sealed record ConditionSpec(string OtherWireName, bool WhenOtherIsSet, string? Message);
}
