// lvc profile / ladder / layered-baseline: video in, profile (JSON v1) out.
#include "baseline/jpeg2000-layered-codec.h"
#include "baseline/ladder-codec.h"
#include "baseline/rate-ladder.h"
#include "baseline/residual-layered-codec.h"
#include "io/video-writer.h"
#include "profile/neural-profile-codec.h"
#include "profile/profile-maker.h"
#include "profile/rate-quality.h"
#include "profile/wavelet-profile-codec.h"
#include "restore/restorer.h"
#include "tools/commands.h"
#include "tools/default-paths.h"

#include "ns3/input-error.h"

#include <iomanip>
#include <memory>

namespace lvc
{

using ns3::InputError;

namespace
{

struct ProfileArgs
{
    VideoOptions video;
    std::string codec;
    std::string encoder;
    std::string output;
    double chunk_s = 2;
    std::vector<double> bitrates_kbps;
    std::vector<double> layer_kbps;
    std::string preset;
    int threads = 2;
    std::string psnr = "Y";
    bool no_ms_ssim = false;
    std::string name;
    std::string source;
    std::string reconstruct;
    std::size_t level = 0;
    std::string reconstruct_quality = "lossless";
    std::string weights = LVC_DEFAULT_WEIGHTS;
    std::string restore_weights = LVC_DEFAULT_RESTORE_WEIGHTS;
    int nn_threads = 1;
    LayeredCodingOptions coding;
};

QualityOptions
ToQualityOptions(const ProfileArgs& args)
{
    QualityOptions quality;
    try
    {
        quality.psnr = ParsePsnrSpace(args.psnr);
    }
    catch (const std::invalid_argument& error)
    {
        throw InputError(std::string("--psnr: ") + error.what());
    }
    quality.ms_ssim = !args.no_ms_ssim;
    quality.threads = args.threads;
    return quality;
}

StandardCodecSettings
ToEncoderSettings(const std::string& label, const ProfileArgs& args)
{
    StandardCodecSettings settings;
    settings.codec = ParseStandardCodec(label);
    settings.preset = args.preset;
    return settings;
}

std::unique_ptr<ChunkCodec>
MakeCodec(const ProfileArgs& args, const QualityOptions& quality)
{
    const std::string& name = args.codec;
    LayeredCodingOptions coding = args.coding;
    ResolveLayeredCodingOptions(coding);
    if (name == "wavelet")
    {
        WaveletProfileOptions options;
        options.coding = coding.wavelet;
        options.quality = quality;
        if (args.restore_weights != "none")
        {
            options.restorer =
                std::make_shared<NetworkRestorer>(args.restore_weights, args.nn_threads);
        }
        return std::make_unique<WaveletProfileCodec>(options);
    }
    if (name == "jpeg2000-layered")
    {
        Jpeg2000LayeredOptions options;
        options.quality = quality;
        if (!coding.layer_bpp.empty())
        {
            options.layer_bpp = coding.layer_bpp;
        }
        try
        {
            return std::make_unique<Jpeg2000LayeredCodec>(options);
        }
        catch (const std::invalid_argument& e)
        {
            throw InputError(std::string("--layer-bpp: ") + e.what());
        }
    }
    if (name == "neural-gru" || name == "neural")
    {
        NeuralProfileOptions options;
        options.weights = args.weights;
        options.threads = args.nn_threads;
        options.coding = coding.gru;
        options.quality = quality;
        return std::make_unique<NeuralProfileCodec>(options);
    }
    for (const char* label : {"x264", "x265"})
    {
        if (name == std::string(label) + "-ladder")
        {
            LadderOptions options;
            options.encoder = ToEncoderSettings(label, args);
            options.bitrates_bps = KbpsToBps(args.bitrates_kbps, "--bitrates-kbps");
            options.quality = quality;
            options.parallel = args.threads;
            return std::make_unique<LadderCodec>(options);
        }
        if (name == std::string(label) + "-residual-layered")
        {
            ResidualLayeredOptions options;
            options.encoder = ToEncoderSettings(label, args);
            options.quality = quality;
            if (!args.layer_kbps.empty() && !args.bitrates_kbps.empty())
            {
                throw InputError("--layer-kbps: give either --layer-kbps or --bitrates-kbps");
            }
            options.layer_bitrates_bps = KbpsToBps(args.layer_kbps, "--layer-kbps");
            if (!args.bitrates_kbps.empty())
            {
                try
                {
                    options.layer_bitrates_bps =
                        LayerIncrements_bps(KbpsToBps(args.bitrates_kbps, "--bitrates-kbps"));
                }
                catch (const std::invalid_argument&)
                {
                    throw InputError("--bitrates-kbps: the cumulative targets of a layered codec "
                                     "must increase strictly");
                }
            }
            return std::make_unique<ResidualLayeredCodec>(options);
        }
    }
    throw InputError("--codec: unknown codec '" + name +
                     "' (x264-ladder, x265-ladder, x265-residual-layered, x264-residual-layered, "
                     "jpeg2000-layered, wavelet, neural-gru)");
}

void
PrintCurve(const Console& console, const ns3::VideoProfile& profile, const std::string& path)
{
    console.out << "wrote " << path << ": " << profile.GetVideo().name << ", "
                << profile.GetCodec().name << ", " << profile.GetChunkCount() << " chunks of "
                << profile.GetChunkDuration_s() << " s, " << profile.GetLevelCount()
                << (profile.IsLayered() ? " layers" : " representations") << "\n";
    console.out << "level  kbps      bpp     PSNR(dB)  SSIM\n";
    for (const RatePoint& p : RateQualityCurve(profile))
    {
        console.out << std::setw(5) << p.level << "  " << std::setw(8) << std::fixed
                    << std::setprecision(1) << p.bitrate_bps / 1000 << "  " << std::setw(7)
                    << std::setprecision(4) << p.bits_per_pixel << "  " << std::setw(8)
                    << std::setprecision(2) << p.psnr_db << "  " << std::setprecision(4) << p.ssim
                    << "\n";
    }
    console.out.unsetf(std::ios::floatfield);
}

void
RunProfile(const Console& console, const ProfileArgs& args)
{
    if (args.threads < 1)
    {
        throw InputError("--threads: must be >= 1");
    }
    QualityOptions quality = ToQualityOptions(args);
    std::unique_ptr<ChunkCodec> codec = MakeCodec(args, quality);
    ProfileRequest request;
    request.video_path = args.video.path;
    request.read = ToReadOptions(args.video);
    request.read.threads = args.threads;
    if (!(args.chunk_s > 0))
    {
        throw InputError("--chunk-s: must be a positive number of seconds");
    }
    request.chunk_duration_s = args.chunk_s;
    request.name = args.name;
    request.source = args.source;
    request.progress = [&console](const std::string& line) { console.Progress(line); };

    std::unique_ptr<VideoWriter> writer;
    if (!args.reconstruct.empty())
    {
        if (args.reconstruct_quality != "lossless" && args.reconstruct_quality != "high")
        {
            throw InputError("--reconstruct-quality: lossless or high, not '" +
                             args.reconstruct_quality + "'");
        }
        request.sink =
            [&](const ChunkContext& chunk, std::size_t level, const std::vector<Frame>& frames) {
                std::size_t wanted = args.level > 0 ? args.level : codec->LevelCount();
                if (wanted > codec->LevelCount())
                {
                    throw InputError("--level: " + std::to_string(wanted) + " but the codec has " +
                                     std::to_string(codec->LevelCount()) + " levels");
                }
                if (level != wanted)
                {
                    return;
                }
                if (!writer)
                {
                    WriteOptions options;
                    options.fps = chunk.fps;
                    options.quality = args.reconstruct_quality == "high" ? WriteQuality::kHigh
                                                                         : WriteQuality::kLossless;
                    writer = std::make_unique<VideoWriter>(args.reconstruct,
                                                           frames[0].Width(),
                                                           frames[0].Height(),
                                                           options);
                }
                for (const Frame& frame : frames)
                {
                    writer->Write(frame);
                }
            };
    }
    ns3::VideoProfile profile = MakeProfile(request, *codec, quality);
    profile.Save(args.output);
    if (writer)
    {
        writer->Close();
        console.Progress("wrote the decoded video of level " +
                         std::to_string(args.level > 0 ? args.level : codec->LevelCount()) +
                         " to " + args.reconstruct);
    }
    PrintCurve(console, profile, args.output);
}

/// The options every profile-making subcommand takes.
void
AddCommonOptions(CLI::App& command, ProfileArgs& args)
{
    AddVideoOptions(command, args.video);
    command.add_option("-o,--output", args.output, "the profile to write (JSON v1)")->required();
    command.add_option("--chunk-s", args.chunk_s, "chunk duration in seconds (whole frames)")
        ->capture_default_str();
    command.add_option("--preset", args.preset, "encoder preset (x264: medium, x265: fast)");
    command
        .add_option("--threads",
                    args.threads,
                    "representations encoded at once (ladders; each encoder is single-threaded so "
                    "that sizes are reproducible) and metric threads")
        ->capture_default_str();
    command.add_option("--psnr", args.psnr, "PSNR on Y (default), YUV or RGB")
        ->capture_default_str();
    command.add_flag("--no-ms-ssim", args.no_ms_ssim, "skip MS-SSIM (faster)");
    command.add_option("--name", args.name, "video.name (default: the file name)");
    command.add_option("--source", args.source, "video.source (default: the path given)");
    command.add_option("--reconstruct",
                       args.reconstruct,
                       "also write the decoded video of one level");
    command.add_option("--level",
                       args.level,
                       "the level --reconstruct writes (default: the highest)");
    command
        .add_option("--reconstruct-quality",
                    args.reconstruct_quality,
                    "lossless (FFV1 in .mkv, x264 qp 0 in .mp4) or high (x264 CRF 12)")
        ->capture_default_str();
}

} // namespace

void
AddProfileCommands(CLI::App& app, Console& console)
{
    auto profile_args = std::make_shared<ProfileArgs>();
    CLI::App* profile = app.add_subcommand("profile", "video + codec -> video profile (JSON v1)");
    AddCommonOptions(*profile, *profile_args);
    profile
        ->add_option("--codec",
                     profile_args->codec,
                     "x264-ladder, x265-ladder, x265-residual-layered (or x264-residual-layered), "
                     "jpeg2000-layered (OpenJPEG quality layers, intra), wavelet (the layered "
                     "codec), neural-gru (the residual conv-GRU codec; 'neural' is its old name)")
        ->required();
    profile->add_option("--weights", profile_args->weights, "neural-gru: the weights (safetensors)")
        ->capture_default_str();
    profile
        ->add_option("--restore-weights",
                     profile_args->restore_weights,
                     "wavelet: the restoration network's weights, exits 2.. ('none': exit 1 only)")
        ->capture_default_str();
    profile
        ->add_option("--nn-threads",
                     profile_args->nn_threads,
                     "neural-gru: LibTorch threads for coding and the decode_ms measurement")
        ->capture_default_str();
    AddLayeredCodingOptions(*profile, profile_args->coding);
    profile
        ->add_option("--bitrates-kbps",
                     profile_args->bitrates_kbps,
                     "ladder rungs; layered: cumulative targets of layers 1..j")
        ->delimiter(',');
    profile->add_option("--layer-kbps", profile_args->layer_kbps, "layered: each layer's own rate")
        ->delimiter(',');
    profile->callback([&console, profile_args] { RunProfile(console, *profile_args); });

    auto ladder_args = std::make_shared<ProfileArgs>();
    CLI::App* ladder = app.add_subcommand("ladder", "x264/x265 bitrate ladder -> profile");
    AddCommonOptions(*ladder, *ladder_args);
    ladder->add_option("--encoder", ladder_args->encoder, "x264 or x265")->required();
    ladder
        ->add_option("--bitrates-kbps",
                     ladder_args->bitrates_kbps,
                     "rungs (default: Swift's ladder scaled to the video)")
        ->delimiter(',');
    ladder->callback([&console, ladder_args] {
        if (ladder_args->encoder != "x264" && ladder_args->encoder != "x265")
        {
            throw InputError("--encoder: x264 or x265, not '" + ladder_args->encoder + "'");
        }
        ladder_args->codec = ladder_args->encoder + "-ladder";
        RunProfile(console, *ladder_args);
    });

    auto layered_args = std::make_shared<ProfileArgs>();
    CLI::App* layered =
        app.add_subcommand("layered-baseline", "residual-layered x265 -> profile (layered)");
    AddCommonOptions(*layered, *layered_args);
    layered
        ->add_option("--bitrates-kbps",
                     layered_args->bitrates_kbps,
                     "cumulative targets of layers 1..j (default: the ladder's rungs)")
        ->delimiter(',');
    layered->add_option("--layer-kbps", layered_args->layer_kbps, "each layer's own rate")
        ->delimiter(',');
    layered->callback([&console, layered_args] {
        layered_args->codec = "x265-residual-layered";
        RunProfile(console, *layered_args);
    });
}

} // namespace lvc
