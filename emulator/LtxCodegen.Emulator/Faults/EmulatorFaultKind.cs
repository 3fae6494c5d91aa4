namespace LtxCodegen.Emulator.Faults
{
    /// <summary>The kinds of trouble the emulator can cause.</summary>
    public enum EmulatorFaultKind
    {
        /// <summary>429 Too Many Requests with a <c>Retry-After</c> header and a <c>remainingSeconds</c> field.</summary>
        RateLimit,
        /// <summary>500 Internal Server Error.</summary>
        InternalServerError,
        /// <summary>502 Bad Gateway.</summary>
        BadGateway,
        /// <summary>503 Service Unavailable.</summary>
        ServiceUnavailable,
        /// <summary>Any status given by <see cref="EmulatorFaultRule.StatusCode"/> (targeted rules only).</summary>
        HttpError,
        /// <summary>The connection is aborted: before the response, or part-way through a download.</summary>
        ConnectionReset,
        /// <summary>The response is delayed (then served normally).</summary>
        SlowResponse,
        /// <summary>The real response, cut in half: a 2xx with a JSON body that does not parse.</summary>
        MalformedJson,
        /// <summary>A new job ends in <c>failure</c> with <c>metadata.error</c> and <c>metadata.hint</c>.</summary>
        JobFailure,
        /// <summary>A new job is <c>canceled</c> by the service part-way through.</summary>
        JobCancellation,
        /// <summary>An asset URL is issued already expired: its download answers 403.</summary>
        ExpiredUrl,
    }
}
