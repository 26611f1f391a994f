// lvc interpolation: what hierarchical coding of the non-key frames would bring (a measurement,
// not a codec mode): anchors coded by the intra neural codec, the frames between them
// interpolated from the decoded anchors warped by x264's vectors, and the interpolation error
// coded by the same intra layer stack.
#include "baseline/residual.h"
#include "bitstream/chunk-layers.h"
#include "interp/anchor-motion.h"
#include "interp/interpolation.h"
#include "io/video-reader.h"
#include "metrics/quality.h"
#include "nn/neural-codec.h"
#include "tools/commands.h"

#include "ns3/input-error.h"

#include <iomanip>
#include <memory>
#include <sstream>

#ifndef LVC_DEFAULT_WEIGHTS
#define LVC_DEFAULT_WEIGHTS "codec-lib/weights/lvc-intra-k6.safetensors"
#endif

namespace lvc
{

namespace
{

struct InterpolationArgs
{
    VideoOptions video;
    std::string weights = LVC_DEFAULT_WEIGHTS;
    int gop = 8;
    int crf = 30;
};

/// Entropy-coded bytes of layers 1..k of `codes`, k = 1..K (cumulative).
std::vector<std::uint64_t>
CumulativeBytes(const std::vector<FrameCodes>& codes)
{
    std::vector<std::uint64_t> out;
    std::uint64_t sum = 0;
    for (const auto& payload : EncodeChunkLayers(codes))
    {
        sum += payload.size();
        out.push_back(sum);
    }
    return out;
}

std::vector<FrameCodes>
Prefix(const std::vector<FrameCodes>& codes, int k)
{
    std::vector<FrameCodes> out;
    for (const FrameCodes& c : codes)
    {
        out.emplace_back(c.begin(), c.begin() + k);
    }
    return out;
}

double
PsnrY(const std::vector<Frame>& reference, const std::vector<Frame>& test)
{
    return MeasureSequence(reference, test, QualityOptions{PsnrSpace::kY, false, 2}).psnr_db;
}

void
RunInterpolation(const Console& console, const InterpolationArgs& args)
{
    VideoReader reader(args.video.path, ToReadOptions(args.video));
    std::vector<Frame> frames;
    Frame frame;
    while (reader.Read(frame))
    {
        frames.push_back(frame);
    }
    if (frames.size() < 3)
    {
        throw ns3::InputError(args.video.path + ": at least 3 frames are needed");
    }
    AnchorMotionOptions motion_options;
    motion_options.gop_frames = args.gop;
    motion_options.crf = args.crf;
    motion_options.fps = reader.Info().fps;
    std::vector<AnchorMotion> motion = AnchorMotionOf(frames, motion_options);

    std::vector<int> anchor_index(frames.size(), -1);
    std::vector<Frame> anchors;
    std::vector<Frame> between; // the B frames, in display order
    std::uint64_t x264_b_bytes = 0;
    for (std::size_t t = 0; t < frames.size(); ++t)
    {
        if (motion[t].is_anchor)
        {
            anchor_index[t] = static_cast<int>(anchors.size());
            anchors.push_back(frames[t]);
        }
        else
        {
            between.push_back(frames[t]);
            x264_b_bytes += motion[t].x264_bytes;
        }
    }
    const int w = frames[0].Width();
    const int h = frames[0].Height();
    auto interpolate = [&](const std::vector<Frame>& decoded_anchors, bool use_motion) {
        std::vector<Frame> out;
        for (std::size_t t = 0; t < frames.size(); ++t)
        {
            const AnchorMotion& m = motion[t];
            if (m.is_anchor)
            {
                continue;
            }
            const Frame& past = decoded_anchors[anchor_index[m.past_anchor]];
            const Frame& future = decoded_anchors[anchor_index[m.future_anchor]];
            const int ti = static_cast<int>(t);
            out.push_back(
                use_motion ? InterpolateFrame(past, future, m, ti, m.past_anchor, m.future_anchor)
                           : BlendAnchors(past, future, ti, m.past_anchor, m.future_anchor));
        }
        return out;
    };

    NeuralCodec codec(args.weights, 1);
    const int k_max = codec.Config().iterations;
    const double pixels = static_cast<double>(w) * h;
    const double all_pixels = pixels * frames.size();
    std::vector<FrameCodes> anchor_codes = codec.Encode(anchors);
    std::vector<std::uint64_t> anchor_bytes = CumulativeBytes(anchor_codes);
    std::vector<FrameCodes> intra_codes = codec.Encode(between);
    std::vector<std::uint64_t> intra_bytes = CumulativeBytes(intra_codes);

    console.out << frames.size() << " frames " << w << "x" << h << ": " << anchors.size()
                << " anchors (x264 I/P every " << args.gop << " frames), " << between.size()
                << " interpolated (B) frames\n"
                << std::fixed << std::setprecision(2)
                << "interpolation from the source anchors: PSNR-Y "
                << PsnrY(between, interpolate(anchors, true)) << " dB with x264's vectors, "
                << PsnrY(between, interpolate(anchors, false))
                << " dB without motion (temporal blend)\n"
                << "x264 (crf " << args.crf << ") B-frame packets: " << std::setprecision(4)
                << x264_b_bytes * 8.0 / (pixels * between.size())
                << " bpp of the B frames (vectors + x264's own residual: an upper bound on the "
                   "motion side information)\n\n";
    console.out << "bpp / PSNR-Y (dB) per layer prefix k; B: the interpolated frames; all: every "
                   "frame\n\n"
                << "| k | anchors | B as key frames | B interpolated (PSNR-Y) | B interpolated + "
                   "error coded | all, intra (today) | all, anchors + interpolation | all, + "
                   "error coded |\n"
                << "|---|---|---|---|---|---|---|---|\n";
    const double na = static_cast<double>(anchors.size());
    const double nb = static_cast<double>(between.size());
    auto cell = [](double bits, double px, double psnr) {
        std::ostringstream text;
        text << std::fixed << std::setprecision(4) << bits / px << " / " << std::setprecision(2)
             << psnr;
        return text.str();
    };
    for (int k = 1; k <= k_max; ++k)
    {
        std::vector<Frame> decoded_anchors = codec.Decode(Prefix(anchor_codes, k), w, h, 3);
        std::vector<Frame> decoded_intra = codec.Decode(Prefix(intra_codes, k), w, h, 3);
        std::vector<Frame> predicted = interpolate(decoded_anchors, true);
        std::vector<Frame> errors;
        for (std::size_t i = 0; i < between.size(); ++i)
        {
            errors.push_back(MakeResidual(between[i], predicted[i]));
        }
        std::vector<FrameCodes> error_codes = codec.Encode(errors, k);
        const double error_bits = 8.0 * CumulativeBytes(error_codes).back();
        std::vector<Frame> decoded_errors = codec.Decode(error_codes, w, h, 3);
        std::vector<Frame> corrected;
        for (std::size_t i = 0; i < between.size(); ++i)
        {
            corrected.push_back(AddResidual(predicted[i], decoded_errors[i]));
        }
        const double anchor_bits = 8.0 * anchor_bytes[k - 1];
        const double intra_bits = 8.0 * intra_bytes[k - 1];
        const double a_psnr = PsnrY(anchors, decoded_anchors);
        const double intra_psnr = PsnrY(between, decoded_intra);
        const double predicted_psnr = PsnrY(between, predicted);
        const double corrected_psnr = PsnrY(between, corrected);
        auto mix = [&](double b_psnr) { return (na * a_psnr + nb * b_psnr) / (na + nb); };
        console.out << "| " << k << " | " << cell(anchor_bits, pixels * na, a_psnr) << " | "
                    << cell(intra_bits, pixels * nb, intra_psnr) << " | " << std::fixed
                    << std::setprecision(2) << predicted_psnr << " | "
                    << cell(error_bits, pixels * nb, corrected_psnr) << " | "
                    << cell(anchor_bits + intra_bits, all_pixels, mix(intra_psnr)) << " | "
                    << cell(anchor_bits, all_pixels, mix(predicted_psnr)) << " | "
                    << cell(anchor_bits + error_bits, all_pixels, mix(corrected_psnr)) << " |\n";
    }
    console.out.unsetf(std::ios::floatfield);
}

} // namespace

void
AddInterpolationCommand(CLI::App& app, Console& console)
{
    auto args = std::make_shared<InterpolationArgs>();
    CLI::App* command = app.add_subcommand(
        "interpolation",
        "measure hierarchical coding: anchors by the intra codec, the frames between them "
        "interpolated with x264's vectors, the interpolation error coded by the intra layers");
    AddVideoOptions(*command, args->video);
    command->add_option("--weights", args->weights, "the codec's weights")->capture_default_str();
    command->add_option("--gop", args->gop, "frames from one anchor to the next (2..17)")
        ->capture_default_str();
    command->add_option("--crf", args->crf, "x264's CRF for the vectors")->capture_default_str();
    command->callback([&console, args] { RunInterpolation(console, *args); });
}

} // namespace lvc
