namespace Consumer
{
    public static class Requests
    {
        public static Ltx2_19bVideoToVideoRequest Make() =>
#if CSHARP9
            new Ltx2_19bVideoToVideoRequest("p", "asset_1") { Fps = 120, Duration = 25, Width = 1000 };
#else
            new Ltx2_19bVideoToVideoRequest { Prompt = "p", Video = "asset_1", Fps = 120, Duration = 25, Width = 1000 };
#endif
    }
}
