#include "tools/cli-options.h"

#include "ns3/input-error.h"

#include <cmath>
#include <regex>
#include <sstream>

namespace lvc
{

using ns3::InputError;

namespace
{

InputError
OptionError(const std::string& option, const std::string& what)
{
    return InputError(option + ": " + what);
}

} // namespace

void
Console::Progress(const std::string& line) const
{
    if (!quiet)
    {
        err << "lvc: " << line << std::endl;
    }
}

void
AddVideoOptions(CLI::App& command, VideoOptions& options, bool positional)
{
    if (positional)
    {
        command.add_option("video", options.path, "the video file (any FFmpeg-readable file)")
            ->required();
    }
    command.add_option("--fps",
                       options.fps,
                       "frames per second (needed for raw streams without timing; otherwise "
                       "what the stream says)");
    command.add_option("--width", options.width, "output width in pixels (even; 0: source)");
    command.add_option("--height", options.height, "output height in pixels (even; 0: source)");
    command.add_option("--crop", options.crop, "crop WxH+X+Y before scaling (even values)");
    command.add_option("--start-frame", options.start_frame, "frames to skip at the start");
    command.add_option("--frames", options.frames, "at most this many frames (0: all)");
}

CropRect
ParseCrop(const std::string& text)
{
    static const std::regex kPattern(R"((\d+)x(\d+)\+(\d+)\+(\d+))");
    std::smatch match;
    if (!std::regex_match(text, match, kPattern))
    {
        throw OptionError("--crop", "'" + text + "' is not WxH+X+Y (e.g. 640x360+0+0)");
    }
    CropRect crop;
    try
    {
        crop.width = std::stoi(match[1]);
        crop.height = std::stoi(match[2]);
        crop.x = std::stoi(match[3]);
        crop.y = std::stoi(match[4]);
    }
    catch (const std::exception&)
    {
        throw OptionError("--crop", "'" + text + "' has a value out of range");
    }
    if (crop.width <= 0 || crop.height <= 0 || crop.width % 2 || crop.height % 2 || crop.x % 2 ||
        crop.y % 2)
    {
        throw OptionError("--crop", "'" + text + "' needs even sizes > 0 and even offsets (4:2:0)");
    }
    return crop;
}

void
AddNeuralCodingOptions(CLI::App& command, NeuralCodingOptions& options)
{
    command
        .add_option("--gop",
                    options.gop_frames,
                    "anchors (key frames) every GOP frames, B frames interpolated between them "
                    "with x264's vectors (2..17); 0: every frame a key frame")
        ->capture_default_str();
    command
        .add_option("--b-error-layers",
                    options.b_error_layers,
                    "layers F..n also code the B frames' interpolation errors (0..K; -1: K)")
        ->capture_default_str();
    command
        .add_option("--b-error-first-layer",
                    options.b_error_first_layer,
                    "F: the first layer with B frames' errors (1..n; layers before it hold only "
                    "the anchors and the motion; -1: 3, or n if lower)")
        ->capture_default_str();
    command.add_option("--motion-crf", options.motion_crf, "x264's CRF for the vectors (0..51)")
        ->capture_default_str();
    command
        .add_option("--scene-cut-threshold",
                    options.scene_cut_threshold,
                    "an anchor at every frame whose luma histogram differs from the previous "
                    "frame's by more than this (0..2; 0: no scene cuts)")
        ->capture_default_str();
}

void
AddLayeredCodingOptions(CLI::App& command, LayeredCodingOptions& options)
{
    command.add_option("--gop",
                       options.gop,
                       "wavelet: keys every GOP frames with a dyadic hierarchy between them "
                       "(2..64, default 32); neural-gru: anchors every GOP frames, B frames "
                       "interpolated with x264's vectors (2..17, default 8); 0: every frame a "
                       "picture");
    command
        .add_option("--scene-cut-threshold",
                    options.gru.scene_cut_threshold,
                    "a key (anchor) at every frame whose luma histogram differs from the previous "
                    "frame's by more than this (0..2; 0: no scene cuts)")
        ->capture_default_str();
    command
        .add_option("--layer-bpp",
                    options.layer_bpp,
                    "wavelet, jpeg2000-layered: cumulative bits per pixel of layers 1..K (K = how "
                    "many; wavelet default 0.012,0.022,0.04,0.075,0.135,0.25; jpeg2000-layered "
                    "0.1,0.2,0.35,0.6,1,1.6)")
        ->delimiter(',');
    command
        .add_option("--context-model",
                    options.context_model,
                    "wavelet: the significance bits' context model, adaptive or mixing (three "
                    "models mixed by weights that learn online)")
        ->capture_default_str();
    command
        .add_option("--motion-lambda",
                    options.wavelet.motion_lambda,
                    "wavelet: the motion search's rate weight (SAD per bit)")
        ->capture_default_str();
    command
        .add_option("--b-error-layers",
                    options.gru.b_error_layers,
                    "neural-gru: layers F..n also code the B frames' interpolation errors (0..K; "
                    "-1: K)")
        ->capture_default_str();
    command
        .add_option("--b-error-first-layer",
                    options.gru.b_error_first_layer,
                    "neural-gru: F, the first layer with B frames' errors (-1: 3, or n if lower)")
        ->capture_default_str();
    command
        .add_option("--motion-crf",
                    options.gru.motion_crf,
                    "neural-gru: x264's CRF for the vectors (0..51)")
        ->capture_default_str();
}

void
ResolveLayeredCodingOptions(LayeredCodingOptions& options)
{
    if (options.gop >= 0)
    {
        options.gru.gop_frames = options.gop;
        options.wavelet.gop_frames = options.gop;
    }
    options.wavelet.scene_cut_threshold = options.gru.scene_cut_threshold;
    if (!options.layer_bpp.empty())
    {
        options.wavelet.layer_bpp = options.layer_bpp;
    }
    if (options.context_model != "adaptive" && options.context_model != "mixing")
    {
        throw OptionError("--context-model",
                          "adaptive or mixing, not '" + options.context_model + "'");
    }
    options.wavelet.context_model =
        options.context_model == "mixing" ? ContextModel::kMixing : ContextModel::kAdaptive;
}

ReadOptions
ToReadOptions(const VideoOptions& options)
{
    ReadOptions read;
    if (options.fps != 0 && !(std::isfinite(options.fps) && options.fps > 0))
    {
        throw OptionError("--fps", "must be a positive number of frames per second");
    }
    read.fps = options.fps;
    auto check_size = [](const char* option, int value) {
        if (value < 0 || value % 2 != 0)
        {
            throw OptionError(option,
                              std::to_string(value) +
                                  " is not allowed: 4:2:0 frames need an even size (0: source)");
        }
    };
    check_size("--width", options.width);
    check_size("--height", options.height);
    read.width = options.width;
    read.height = options.height;
    if (!options.crop.empty())
    {
        read.crop = ParseCrop(options.crop);
    }
    if (options.start_frame < 0)
    {
        throw OptionError("--start-frame", "must be >= 0");
    }
    if (options.frames < 0)
    {
        throw OptionError("--frames", "must be >= 0");
    }
    read.start_frame = options.start_frame;
    read.max_frames = options.frames;
    return read;
}

std::vector<double>
KbpsToBps(const std::vector<double>& kbps, const std::string& option)
{
    constexpr double kBitsPerKilobit = 1000;
    std::vector<double> bps;
    for (double value : kbps)
    {
        if (!(std::isfinite(value) && value > 0))
        {
            std::ostringstream text;
            text << value << " kbps is not a bitrate (each must be > 0)";
            throw OptionError(option, text.str());
        }
        bps.push_back(value * kBitsPerKilobit);
    }
    return bps;
}

} // namespace lvc
