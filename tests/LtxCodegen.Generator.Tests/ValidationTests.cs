using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>Compiles the generated code with a probe written as a user would, loads it and runs Validate/WriteJson.</summary>
    public class ValidationTests
    {
        private const string Probe = @"
using System.Collections.Generic;
using System.Linq;
using LtxCodegen;
using Consumer.Models;

namespace Consumer
{
    public static class Probe
    {
        private static Ltx2_19bExtendVideoRequest Extend() => new Ltx2_19bExtendVideoRequest(""a cat"", ""asset_video"");
        private static Ltx2_19bVideoToVideoRequest V2V() => new Ltx2_19bVideoToVideoRequest(""a cat"", ""asset_video"");

        public static string Errors(IScenarioRequest r) => string.Join(""\n"", r.Validate().Select(e => e.Parameter + ""|"" + e.Rule + ""|"" + e.Message));

        public static string Valid() => Errors(Extend()) + Errors(V2V());
        public static string FpsZero() { var r = Extend(); r.Fps = 0; return Errors(r); }
        public static string Fps60() { var r = Extend(); r.Fps = 60; r.Seed = 7; return Errors(r); }
        public static string Duration25() { var r = V2V(); r.Duration = 25; return Errors(r); }
        public static string Duration3() { var r = V2V(); r.Duration = 3; return Errors(r); }
        public static string WidthWithoutHeight() { var r = Extend(); r.Width = 1280; return Errors(r); }
        public static string WidthAndHeight() { var r = Extend(); r.Width = 1280; r.Height = 720; return Errors(r); }
        public static string Strengths() { var r = V2V(); r.VideoStrength = 1.5; r.ImageStrength = -0.1; r.CameraMotionStrength = 2.5; r.ModalityStrength = 2; return Errors(r); }
        public static string ExtendStrengths() { var r = Extend(); r.VideoStrength = 0; r.AudioStrength = 1.01; r.CameraMotionStrength = 0; return Errors(r); }
        public static string UnknownOption() { var r = Extend(); r.CameraMotion = ""spin""; r.AspectRatio = Ltx2_19bExtendVideoAspectRatio._16_9; return Errors(r); }
        public static string KnownOption() { var r = V2V(); r.Modality = ""depth""; r.AudioSource = Ltx2_19bVideoToVideoAudioSource.Generate; r.Resolution = ""1080p""; return Errors(r); }
        public static string MissingRequired() { var r = V2V(); r.Prompt = null!; r.Video = """"; return Errors(r); }
        public static string NaN() { var r = Extend(); r.GuidanceScale = double.NaN; return Errors(r); }
        public static string Json(IScenarioRequest r)
        {
            var buffer = new System.IO.MemoryStream();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) { r.WriteJson(writer); }
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
        public static string MinimalJson() => Json(Extend());
        public static string FullJson()
        {
            var r = Extend();
            r.Width = 1000; r.Height = 740; r.Fps = 24; r.CameraMotion = Ltx2_19bExtendVideoCameraMotion.DollyIn; r.GenerateAudio = false; r.Seed = 42; r.VideoStrength = 0.5;
            return Json(r);
        }
        public static string Registry() => string.Join("","", ScenarioModels.All.Select(d => d.Id)) + ""|"" + (ScenarioModels.Find(Ltx2_19bVideoToVideoModel.Id)?.TypeName ?? ""null"") + ""|"" + (ScenarioModels.Find(""nope"") == null);
        public static string Descriptor()
        {
            var p = Ltx2_19bExtendVideoModel.Descriptor.Find(""width"")!;
            return p.Type + ""|"" + p.Minimum + ""|"" + p.Maximum + ""|"" + p.MultipleOf + ""|"" + p.MultipleOfIsError + ""|"" + p.PairedWith + ""|"" + p.HasProseRules
                + ""|"" + Ltx2_19bExtendVideoModel.Descriptor.Find(""cameraMotion"")!.OptionsAreClosed + ""|"" + Ltx2_19bExtendVideoRequest.DefaultNumInferenceSteps;
        }
    }
}";

        private static readonly Lazy<Type> ProbeType = new Lazy<Type>(() => Build(LanguageVersion.Latest));
        private static readonly Lazy<Type> ProbeType9 = new Lazy<Type>(() => Build(LanguageVersion.CSharp9));

        private static Type Build(LanguageVersion version)
        {
            var run = GeneratorHarness.Run(TestDocs.ShippedSchemas(), version, sources: Probe);
            Assert.Empty(run.CompileDiagnostics);
            return GeneratorHarness.Load(run.Output).GetType("Consumer.Probe", throwOnError: true)!;
        }

        private static string Call(string method, bool csharp9 = false) =>
            (string)(csharp9 ? ProbeType9 : ProbeType).Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;

        private static List<string[]> Errors(string method, bool csharp9 = false) =>
            Call(method, csharp9).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|')).ToList();

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_request_with_its_required_values_is_valid(bool csharp9) => Assert.Empty(Errors("Valid", csharp9));

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Fps_zero_is_a_range_error_on_fps(bool csharp9)
        {
            var error = Assert.Single(Errors("FpsZero", csharp9));
            Assert.Equal("fps", error[0]);
            Assert.Equal("Range", error[1]);
            Assert.Contains("between 1 and 60", error[2]);
            Assert.Contains("got 0", error[2]);
        }

        [Fact]
        public void Fps_60_and_a_seed_are_valid() => Assert.Empty(Errors("Fps60"));

        [Fact]
        public void Duration_25_is_a_range_error_and_3_is_valid()
        {
            var error = Assert.Single(Errors("Duration25"));
            Assert.Equal(new[] { "duration", "Range" }, error.Take(2));
            Assert.Contains("between 3 and 20", error[2]);
            Assert.Empty(Errors("Duration3"));
        }

        [Fact]
        public void Width_without_height_is_a_pair_error_and_both_are_valid()
        {
            var error = Assert.Single(Errors("WidthWithoutHeight"));
            Assert.Equal(new[] { "width", "Pair", "width must be used with height." }, error);
            Assert.Empty(Errors("WidthAndHeight"));
        }

        [Fact]
        public void Strength_ranges_are_0_to_1_and_0_to_2()
        {
            var errors = Errors("Strengths");
            Assert.Equal(new[] { "videoStrength", "imageStrength", "cameraMotionStrength" }, errors.Select(e => e[0]));
            Assert.All(errors, e => Assert.Equal("Range", e[1]));
            Assert.Equal(new[] { "audioStrength" }, Errors("ExtendStrengths").Select(e => e[0]));
        }

        [Fact]
        public void Closed_option_sets_reject_unknown_values_and_accept_known_ones()
        {
            var error = Assert.Single(Errors("UnknownOption"));
            Assert.Equal(new[] { "cameraMotion", "Options" }, error.Take(2));
            Assert.Contains("dolly_in", error[2]);
            Assert.Contains("'spin'", error[2]);
            Assert.Empty(Errors("KnownOption"));
        }

        [Fact]
        public void Missing_required_values_are_required_errors()
        {
            var errors = Errors("MissingRequired");
            Assert.Equal(new[] { "prompt", "video" }, errors.Select(e => e[0]));
            Assert.All(errors, e => Assert.Equal("Required", e[1]));
        }

        [Fact]
        public void NaN_is_a_type_error() => Assert.Equal(new[] { "guidanceScale", "Type" }, Assert.Single(Errors("NaN")).Take(2));

        [Fact]
        public void Json_has_only_set_values_under_wire_names()
        {
            Assert.Equal("{\"prompt\":\"a cat\",\"video\":\"asset_video\"}", Call("MinimalJson"));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Json_rounds_width_and_height_to_multiples_of_64(bool csharp9)
        {
            Assert.Equal(
                "{\"prompt\":\"a cat\",\"video\":\"asset_video\",\"videoStrength\":0.5,\"width\":1024,\"height\":768,\"fps\":24,\"cameraMotion\":\"dolly_in\",\"generateAudio\":false,\"seed\":42}",
                Call("FullJson", csharp9));
        }

        [Fact]
        public void Registry_lists_both_models_and_finds_them_by_id() =>
            Assert.Equal("model_ltx-2-19b-extend-video,model_ltx-2-19b-video-to-video|Ltx2_19bVideoToVideo|True", Call("Registry"));

        [Fact]
        public void Descriptor_carries_the_rules() =>
            Assert.Equal("Integer|64|4096|64|False|height|True|True|40", Call("Descriptor"));
    }
}
