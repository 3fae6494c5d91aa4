using System.Threading.Tasks;
using LtxCodegen.Models;

namespace LtxCodegen.Runtime.Tests.Support
{
    internal static class Requests
    {
        /// <summary>Uploads the test clip and builds a valid extend-video request on it.</summary>
        public static async Task<Ltx2_19bExtendVideoRequest> ExtendAsync(ScenarioClient client) =>
            new Ltx2_19bExtendVideoRequest { Prompt = "keep going", Video = await client.UploadAssetAsync(Emu.ClipPath) };
    }
}
