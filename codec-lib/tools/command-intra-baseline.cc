// lvc intra-baseline: every frame coded on its own by x265 (intra only) or JPEG, at a series of
// quality settings: the image-codec references the neural codec (intra only so far) is held to.
#include "io/bitstream-filter.h"
#include "io/packet-decoder.h"
#include "io/video-encoder.h"
#include "io/video-reader.h"
#include "metrics/quality.h"
#include "tools/commands.h"

#include "ns3/input-error.h"

#include <iomanip>
#include <memory>

namespace lvc
{

namespace
{

struct IntraArgs
{
    VideoOptions video;
    std::string encoder = "x265";
    std::vector<int> levels;
    int threads = 2;
};

struct IntraCodec
{
    const char* encoder;
    const char* decoder;
    std::vector<int> default_levels;
    const char* level_name;
};

IntraCodec
ChooseIntra(const std::string& name)
{
    if (name == "x265")
    {
        return {"libx265", "hevc", {24, 28, 32, 36, 40, 44, 48, 51}, "crf"};
    }
    if (name == "jpeg")
    {
        // Up to libavcodec's largest quantiser scale for mjpeg (69): the neural codec's rates lie
        // below what q 31 gives.
        return {"mjpeg", "mjpeg", {2, 3, 5, 8, 13, 20, 31, 45, 69}, "q"};
    }
    throw ns3::InputError("--encoder: x265 or jpeg, not '" + name + "'");
}

EncoderConfig
Config(const IntraCodec& codec, int level, int width, int height, double fps)
{
    EncoderConfig config;
    config.encoder = codec.encoder;
    config.width = width;
    config.height = height;
    config.fps = fps;
    config.gop_frames = 1;
    if (std::string(codec.encoder) == "libx265")
    {
        config.options = {{"preset", "fast"},
                          {"crf", std::to_string(level)},
                          {"x265-params", "keyint=1:min-keyint=1:info=0:log-level=error"}};
    }
    else
    {
        // Baseline JPEG on the limited-range 4:2:0 planes as they are; qmin = qmax fixes the
        // quantiser scale (libavcodec's -q:v).
        config.options = {{"strict", "-1"},
                          {"qmin", std::to_string(level)},
                          {"qmax", std::to_string(level)}};
    }
    return config;
}

void
RunIntra(const Console& console, const IntraArgs& args)
{
    IntraCodec codec = ChooseIntra(args.encoder);
    VideoReader reader(args.video.path, ToReadOptions(args.video));
    std::vector<Frame> frames;
    Frame frame;
    while (reader.Read(frame))
    {
        frames.push_back(frame);
    }
    const StreamInfo& info = reader.Info();
    const double pixels = static_cast<double>(info.width) * info.height * frames.size();
    std::vector<int> levels = args.levels.empty() ? codec.default_levels : args.levels;
    console.out << "| " << args.encoder << " " << codec.level_name
                << " | bpp | PSNR-Y (dB) | SSIM-Y | MS-SSIM-Y |\n|---|---|---|---|---|\n";
    for (int level : levels)
    {
        VideoEncoder encoder(Config(codec, level, info.width, info.height, info.fps));
        std::vector<EncodedPacket> packets;
        for (const Frame& f : frames)
        {
            encoder.Send(f, packets);
        }
        encoder.Finish(packets);
        if (std::string(codec.encoder) == "libx265")
        {
            // As the ladders: SEI NAL units (the encoder's settings text) are not counted.
            packets = FilterPackets("filter_units=remove_types=39|40", encoder.Context(), packets);
        }
        std::uint64_t bytes = 0;
        for (const EncodedPacket& p : packets)
        {
            bytes += p.data.size();
        }
        std::vector<Frame> decoded = DecodePackets(codec.decoder, packets);
        Quality q =
            MeasureSequence(frames, decoded, QualityOptions{PsnrSpace::kY, true, args.threads});
        console.out << "| " << level << " | " << std::fixed << std::setprecision(4)
                    << bytes * 8.0 / pixels << " | " << std::setprecision(2) << q.psnr_db << " | "
                    << std::setprecision(4) << q.ssim << " | " << q.ms_ssim << " |\n";
        console.out.unsetf(std::ios::floatfield);
    }
}

} // namespace

void
AddIntraBaselineCommand(CLI::App& app, Console& console)
{
    auto args = std::make_shared<IntraArgs>();
    CLI::App* command = app.add_subcommand(
        "intra-baseline",
        "every frame coded alone by x265 (intra only) or JPEG: bpp and quality per setting");
    AddVideoOptions(*command, args->video);
    command->add_option("--encoder", args->encoder, "x265 or jpeg")->capture_default_str();
    command->add_option("--levels", args->levels, "x265 CRFs or JPEG quantiser scales")
        ->delimiter(',');
    command->add_option("--threads", args->threads, "metric threads")->capture_default_str();
    command->callback([&console, args] { RunIntra(console, *args); });
}

} // namespace lvc
