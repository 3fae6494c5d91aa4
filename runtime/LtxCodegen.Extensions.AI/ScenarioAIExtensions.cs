using System;
using System.Collections.Generic;
using LtxCodegen.Extensions.AI;
using Microsoft.Extensions.AI;

namespace LtxCodegen
{
    /// <summary>Microsoft.Extensions.AI views of a Scenario client.</summary>
    public static class ScenarioAIExtensions
    {
        /// <summary>
        /// An <see cref="IImageGenerator"/> running the image model <paramref name="model"/> (e.g. a generated
        /// <c>{Stem}Model.Descriptor</c>). Wrap it with <c>ImageGeneratorBuilder</c> for logging, telemetry or caching.
        /// </summary>
        public static IImageGenerator AsImageGenerator(this IScenarioClient client, ScenarioModelDescriptor model) =>
            new ScenarioImageGenerator(client ?? throw new ArgumentNullException(nameof(client)), model);

        /// <summary>
        /// One <see cref="AIFunction"/> per model (named by <see cref="ScenarioModelFunction.NameOf"/>), for
        /// <c>ChatOptions.Tools</c>: an agent can then run Scenario models, within the client's rules and spend cap.
        /// </summary>
        /// <exception cref="ArgumentException">Two models would get the same tool name.</exception>
        public static IReadOnlyList<AIFunction> AsAITools(this IScenarioClient client, IEnumerable<ScenarioModelDescriptor> models)
        {
            if (client is null)
            {
                throw new ArgumentNullException(nameof(client));
            }

            if (models is null)
            {
                throw new ArgumentNullException(nameof(models));
            }

            var tools = new List<AIFunction>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var model in models)
            {
                var tool = new ScenarioModelFunction(client, model ?? throw new ArgumentException("The list holds a null model.", nameof(models)));
                if (!names.Add(tool.Name))
                {
                    throw new ArgumentException("Two models have the tool name '" + tool.Name + "' (" + model.Id + "): pass each model once.", nameof(models));
                }

                tools.Add(tool);
            }

            return tools;
        }
    }
}
