namespace LtxCodegen.Schema.Model
{
    /// <summary>
    /// What one doc (and one model) may produce. Each limit, when hit, is a located LTXG0019 warning and the excess
    /// is dropped, so the generator's time and output stay proportional to a bounded input.
    /// </summary>
    internal static class DocLimits
    {
        /// <summary>Characters of one doc (the largest real provider page is about 265,000); a longer doc is not read.</summary>
        public const int MaxDocLength = 4 * 1024 * 1024;

        /// <summary>Models of one doc (the largest real provider page has 32).</summary>
        public const int MaxModelsPerDoc = 200;

        /// <summary>Parameters of one doc, all its models together.</summary>
        public const int MaxParametersPerDoc = 5000;

        /// <summary>Rows read from one parameter table.</summary>
        public const int MaxTableRows = 1000;

        /// <summary>Parameters of one model (per doc and after merging).</summary>
        public const int MaxParameters = 500;

        /// <summary>Allowed values of one parameter.</summary>
        public const int MaxOptions = 500;

        /// <summary>Allowed values of all parameters of one model together.</summary>
        public const int MaxOptionsPerModel = 5000;

        /// <summary>Characters of one description (parameter or model); longer ones are cut and their prose read up to here.</summary>
        public const int MaxDescriptionLength = 4000;

        /// <summary>Characters of a wire name, model id or allowed value.</summary>
        public const int MaxNameLength = 200;
    }
}
