// lvc code-stats: what each context of the entropy coder saves on a video's real codes.
// lvc layer-strip: one frame decoded with several layer prefixes, side by side, as a PNG.
#include "bitstream/chunk-coding.h"
#include "bitstream/chunk-layers.h"
#include "io/chunk-reader.h"
#include "io/color.h"
#include "io/video-reader.h"
#include "nn/neural-codec.h"
#include "restore/restorer.h"
#include "tools/commands.h"
#include "tools/default-paths.h"
#include "tools/png-file.h"
#include "wavelet/wavelet-chunk.h"

#include "ns3/input-error.h"

#include <algorithm>
#include <iomanip>
#include <memory>

namespace lvc
{

namespace
{

struct CodeStatsArgs
{
    VideoOptions video;
    std::string weights = LVC_DEFAULT_WEIGHTS;
    double chunk_s = 2;
};

struct ContextChoice
{
    const char* name;
    CodeContextOptions options;
};

const ContextChoice kChoices[] = {
    {"none", {false, false, false}},
    {"spatial", {true, false, false}},
    {"+channel", {true, true, false}},
    {"+layer (all)", {true, true, true}},
};

void
RunCodeStats(const Console& console, const CodeStatsArgs& args)
{
    NeuralCodec codec(args.weights, 1);
    VideoReader reader(args.video.path, ToReadOptions(args.video));
    ChunkReader chunks(reader, args.chunk_s);
    const int k_max = codec.Config().iterations;
    const std::size_t choices = std::size(kChoices);
    std::vector<std::vector<std::uint64_t>> bytes(choices, std::vector<std::uint64_t>(k_max, 0));
    std::uint64_t raw_bits_per_layer = 0;
    std::vector<Frame> frames;
    while (chunks.Next(frames))
    {
        std::vector<FrameCodes> codes = codec.Encode(frames);
        raw_bits_per_layer +=
            codec.CodeShapeFor(frames[0].Width(), frames[0].Height()).Size() * frames.size();
        for (std::size_t c = 0; c < choices; ++c)
        {
            auto payloads = EncodeChunkLayers(codes, kChoices[c].options);
            for (int j = 0; j < k_max; ++j)
            {
                bytes[c][j] += payloads[j].size();
            }
        }
        console.Progress("chunk " + std::to_string(chunks.ChunksRead() - 1) + " coded");
    }
    console.out << "bits per code bit, by layer, for each set of contexts (" << reader.FramesRead()
                << " frames, " << raw_bits_per_layer << " code bits per layer)\n"
                << "contexts        ";
    for (int j = 1; j <= k_max; ++j)
    {
        console.out << "  layer " << j;
    }
    console.out << "   all\n";
    for (std::size_t c = 0; c < choices; ++c)
    {
        console.out << std::left << std::setw(16) << kChoices[c].name << std::right << std::fixed
                    << std::setprecision(3);
        std::uint64_t sum = 0;
        for (int j = 0; j < k_max; ++j)
        {
            sum += bytes[c][j];
            console.out << std::setw(9) << bytes[c][j] * 8.0 / raw_bits_per_layer;
        }
        console.out << std::setw(7) << sum * 8.0 / (raw_bits_per_layer * k_max) << "\n";
        console.out.unsetf(std::ios::floatfield);
    }
}

struct StripArgs
{
    VideoOptions video;
    std::string weights = LVC_DEFAULT_WEIGHTS;
    std::int64_t frame = 0;
    std::vector<int> layers; ///< empty: 1, 2, 4 and K
    int exit = 0;            ///< 0: the full decoder
    std::string output;
    std::string codec = "wavelet";
    std::string restore_weights = LVC_DEFAULT_RESTORE_WEIGHTS;
    LayeredCodingOptions coding;
};

/// The frame's group of pictures (from the key before it to the key after), as read.
std::vector<Frame>
ReadGroup(const StripArgs& args, std::int64_t gop, std::int64_t& index)
{
    VideoOptions group = args.video;
    group.start_frame += args.frame / gop * gop;
    group.frames = gop == 1 ? 1 : gop + 1;
    VideoReader reader(args.video.path, ToReadOptions(group));
    std::vector<Frame> frames;
    Frame read;
    while (static_cast<std::int64_t>(frames.size()) < group.frames && reader.Read(read))
    {
        frames.push_back(read);
    }
    index = args.frame % gop;
    if (index >= static_cast<std::int64_t>(frames.size()))
    {
        throw ns3::InputError(args.video.path + ": --frame " + std::to_string(args.frame) +
                              " is past the end");
    }
    return frames;
}

void
RunLayerStrip(const Console& console, StripArgs args)
{
    ResolveLayeredCodingOptions(args.coding);
    std::vector<Frame> by_prefix; // the frame decoded with layers 1..k, k = 1..K
    std::string kind;
    std::int64_t index = 0;
    std::vector<Frame> frames;
    int exit = args.exit;
    if (args.codec == "wavelet")
    {
        const std::int64_t gop = std::max(args.coding.wavelet.gop_frames, 1);
        frames = ReadGroup(args, gop, index);
        std::unique_ptr<FrameRestorer> restorer;
        if (args.restore_weights != "none")
        {
            restorer = std::make_unique<NetworkRestorer>(args.restore_weights, 1);
        }
        const int exits = WaveletExitCount(restorer.get());
        exit = exit == 0 ? exits : exit;
        if (exit < 1 || exit > exits)
        {
            throw ns3::InputError("--exit: 1.." + std::to_string(exits));
        }
        const EncodedWaveletChunk coded =
            EncodeWaveletChunk(frames, args.coding.wavelet, restorer.get());
        WaveletChunkDecoder decoder(
            frames[0].Width(),
            frames[0].Height(),
            static_cast<int>(frames.size()),
            args.coding.wavelet.gop_frames <= 1 ? 0 : args.coding.wavelet.gop_frames);
        for (const auto& layer : coded.layers)
        {
            decoder.DecodeLayer(layer);
            by_prefix.push_back(
                DecodeAtExit(decoder, restorer.get(), exit)[static_cast<std::size_t>(index)]);
        }
        kind = gop == 1 || index == 0 ? " (key frame)" : " (predicted frame)";
    }
    else if (args.codec == "neural-gru")
    {
        NeuralCodec codec(args.weights, 1);
        BitstreamHeader header;
        header.layers = codec.Config().iterations;
        ApplyCodingOptions(args.coding.gru, header);
        const std::int64_t gop = std::max(header.gop_frames, 1);
        frames = ReadGroup(args, gop, index);
        header.width = frames[0].Width();
        header.height = frames[0].Height();
        CodedChunk coded = EncodeNeuralChunk(codec, frames, header, args.coding.gru);
        std::vector<std::vector<std::vector<Frame>>> decoded =
            ReconstructAllPrefixes(codec, coded.codes, header.width, header.height);
        exit = exit == 0 ? ModelConfig::kExitCount : exit;
        if (exit < 1 || exit > ModelConfig::kExitCount)
        {
            throw ns3::InputError("--exit: 1.." + std::to_string(ModelConfig::kExitCount));
        }
        for (const auto& prefix : decoded)
        {
            by_prefix.push_back(
                prefix[static_cast<std::size_t>(exit - 1)][static_cast<std::size_t>(index)]);
        }
        kind = coded.codes.hierarchy.b_frames.empty() ||
                       std::count(coded.codes.hierarchy.anchors.begin(),
                                  coded.codes.hierarchy.anchors.end(),
                                  index) > 0
                   ? " (key frame)"
                   : " (B frame)";
    }
    else
    {
        throw ns3::InputError("--codec: wavelet or neural-gru, not '" + args.codec + "'");
    }
    const Frame& frame = frames[static_cast<std::size_t>(index)];
    const int k_max = static_cast<int>(by_prefix.size());
    std::vector<int> layers = args.layers;
    if (layers.empty())
    {
        for (int k : {1, 2, 4, k_max})
        {
            if (k <= k_max && (layers.empty() || k > layers.back()))
            {
                layers.push_back(k);
            }
        }
    }
    const int w = frame.Width();
    const int h = frame.Height();
    RgbImage strip;
    strip.width = w * static_cast<int>(layers.size() + 1);
    strip.height = h;
    for (auto& plane : strip.planes)
    {
        plane.assign(static_cast<std::size_t>(strip.width) * h, 0);
    }
    auto paste = [&](const Frame& f, int slot) {
        RgbImage rgb = ToRgb(f);
        for (int c = 0; c < RgbImage::kChannels; ++c)
        {
            for (int y = 0; y < h; ++y)
            {
                std::copy_n(rgb.planes[c].begin() + static_cast<std::ptrdiff_t>(y) * w,
                            w,
                            strip.planes[c].begin() + static_cast<std::ptrdiff_t>(y) * strip.width +
                                slot * w);
            }
        }
    };
    int slot = 0;
    for (int k : layers)
    {
        if (k < 1 || k > k_max)
        {
            throw ns3::InputError("--layers: each in 1.." + std::to_string(k_max));
        }
        paste(by_prefix[static_cast<std::size_t>(k - 1)], slot++);
    }
    paste(frame, slot);
    WritePng(args.output, strip);
    console.out << "wrote " << args.output << ": frame " << args.frame << kind
                << " decoded with layers";
    for (int k : layers)
    {
        console.out << " 1.." << k;
    }
    console.out << " at exit " << exit << ", then the source\n";
}

} // namespace

void
AddCodeStatsCommand(CLI::App& app, Console& console)
{
    auto args = std::make_shared<CodeStatsArgs>();
    CLI::App* command = app.add_subcommand(
        "code-stats",
        "the entropy coder on a video's real codes: bits per code bit with each set of contexts");
    AddVideoOptions(*command, args->video);
    command->add_option("--weights", args->weights, "the codec's weights")->capture_default_str();
    command->add_option("--chunk-s", args->chunk_s, "chunk duration (payloads are per chunk)")
        ->capture_default_str();
    command->callback([&console, args] { RunCodeStats(console, *args); });

    auto strip = std::make_shared<StripArgs>();
    CLI::App* layer_strip = app.add_subcommand(
        "layer-strip",
        "one frame decoded with layers 1..k for several k, side by side with the source (PNG)");
    AddVideoOptions(*layer_strip, strip->video);
    layer_strip->add_option("--codec", strip->codec, "wavelet or neural-gru")
        ->capture_default_str();
    layer_strip->add_option("--weights", strip->weights, "neural-gru: the codec's weights")
        ->capture_default_str();
    layer_strip
        ->add_option("--restore-weights",
                     strip->restore_weights,
                     "wavelet: the restoration network ('none')")
        ->capture_default_str();
    layer_strip->add_option("--frame", strip->frame, "which frame (0-based)")
        ->capture_default_str();
    layer_strip->add_option("--layers", strip->layers, "prefixes to show (default: 1,2,4,K)")
        ->delimiter(',');
    layer_strip->add_option("--exit", strip->exit, "decoder exit (default: the full decoder)");
    AddLayeredCodingOptions(*layer_strip, strip->coding);
    layer_strip->add_option("-o,--output", strip->output, "the PNG to write")->required();
    layer_strip->callback([&console, strip] { RunLayerStrip(console, *strip); });
}

} // namespace lvc
