using System;
using System.Text.Json;

namespace LtxCodegen
{
    /// <summary>
    /// A model's wire names, encoded once per model for <see cref="ScenarioJsonWriter"/>: as <see cref="JsonEncodedText"/>
    /// (for a writer the direct path does not serve) and as the UTF-8 bytes of <c>"name":</c>. Generated code keeps one
    /// in a static field.
    /// </summary>
    public sealed class ScenarioJsonNames
    {
        private ScenarioJsonNames(ScenarioModelDescriptor model, JsonEncodedText[] encoded)
        {
            Model = model;
            Encoded = encoded;
            Members = new byte[encoded.Length][];
            for (var i = 0; i < encoded.Length; i++)
            {
                var name = encoded[i].EncodedUtf8Bytes;
                var member = new byte[name.Length + 3];
                member[0] = (byte)'"';
                name.CopyTo(member.AsSpan(1));
                member[name.Length + 1] = (byte)'"';
                member[name.Length + 2] = (byte)':';
                Members[i] = member;
            }
        }

        /// <summary>The model the names belong to (its parameters normalize numbers on send).</summary>
        internal ScenarioModelDescriptor Model { get; }

        /// <summary>The wire names escaped as <see cref="Utf8JsonWriter"/> escapes them, by descriptor position.</summary>
        internal JsonEncodedText[] Encoded { get; }

        /// <summary><c>"name":</c> in UTF-8 (escaped name, quotes and colon), by descriptor position.</summary>
        internal byte[][] Members { get; }

        /// <summary>Encodes the wire names of <paramref name="model"/>'s parameters, by descriptor position.</summary>
        public static ScenarioJsonNames For(ScenarioModelDescriptor model)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            return new ScenarioJsonNames(model, ScenarioRules.EncodeWireNames(model));
        }
    }
}
