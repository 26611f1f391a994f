// Options shared by lvc's subcommands (internal to tools/).
#ifndef LVC_TOOLS_CLI_OPTIONS_H
#define LVC_TOOLS_CLI_OPTIONS_H

#include "bitstream/chunk-codes.h"
#include "io/video-reader.h"
#include "wavelet/wavelet-chunk.h"

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace lvc
{

/// Where a subcommand writes.
struct Console
{
    std::ostream& out;
    std::ostream& err;
    bool quiet = false;

    void Progress(const std::string& line) const;
};

/// How a video is read: the file and the geometry/frame-rate options.
struct VideoOptions
{
    std::string path;
    double fps = 0;
    int width = 0;
    int height = 0;
    std::string crop; ///< WxH+X+Y
    std::int64_t start_frame = 0;
    std::int64_t frames = 0;
};

/// Adds --fps, --width, --height, --crop, --start-frame, --frames (and VIDEO when `positional`).
void AddVideoOptions(CLI::App& command, VideoOptions& options, bool positional = true);

/// Adds --gop, --b-error-layers, --b-error-first-layer, --motion-crf and --scene-cut-threshold
/// (the neural codec's frame hierarchy).
void AddNeuralCodingOptions(CLI::App& command, NeuralCodingOptions& options);

/// The coding options of both layered codecs, as encode and profile take them.
struct LayeredCodingOptions
{
    int gop = -1;                  ///< --gop as given; -1: each codec's default (wavelet 32, GRU 8)
    std::vector<double> layer_bpp; ///< --layer-bpp as given; empty: each codec's default
    std::string context_model = "adaptive"; ///< wavelet: adaptive or mixing
    NeuralCodingOptions gru;
    WaveletCodingOptions wavelet;
};

/**
 * Adds --gop and --scene-cut-threshold (both codecs), --b-error-layers, --b-error-first-layer,
 * --motion-crf (the residual GRU codec) and --layer-bpp, --motion-lambda (the wavelet codec).
 */
void AddLayeredCodingOptions(CLI::App& command, LayeredCodingOptions& options);

/// Gives --gop and --scene-cut-threshold to both codecs' options (after parsing).
void ResolveLayeredCodingOptions(LayeredCodingOptions& options);

/// Checks the values and names the option that is wrong (ns3::InputError).
ReadOptions ToReadOptions(const VideoOptions& options);

/// "640x360+0+0" -> CropRect; ns3::InputError naming --crop otherwise.
CropRect ParseCrop(const std::string& text);

/// kbps values -> bps; ns3::InputError naming `option` for a value that is not > 0.
std::vector<double> KbpsToBps(const std::vector<double>& kbps, const std::string& option);

} // namespace lvc

#endif // LVC_TOOLS_CLI_OPTIONS_H
