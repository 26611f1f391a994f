#include "profile/neural-profile-codec.h"

#include "bitstream/bitstream-format.h"
#include "bitstream/neural-stream.h"
#include "common/cpu-name.h"
#include "common/stopwatch.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

namespace lvc
{

NeuralProfileCodec::NeuralProfileCodec(const NeuralProfileOptions& options)
    : m_options(options),
      m_codec(std::make_unique<NeuralCodec>(options.weights, options.threads))
{
    m_header.weights_sha256 = m_codec->WeightsSha256();
    m_header.layers = m_codec->Config().iterations;
    m_header.code_channels = m_codec->Config().code_channels;
    ApplyCodingOptions(options.coding, m_header);
}

NeuralProfileCodec::~NeuralProfileCodec() = default;

std::string
NeuralProfileCodec::Name() const
{
    return "neural-layered";
}

bool
NeuralProfileCodec::IsLayered() const
{
    return true;
}

void
NeuralProfileCodec::Prepare(const StreamInfo&, double chunk_duration_s)
{
    (void)chunk_duration_s;
}

std::size_t
NeuralProfileCodec::LevelCount() const
{
    return static_cast<std::size_t>(m_codec->Config().iterations);
}

const NeuralCodec&
NeuralProfileCodec::Codec() const
{
    return *m_codec;
}

std::vector<double>
NeuralProfileCodec::EncodeMsPerFrame() const
{
    std::vector<double> out;
    for (double ms : m_encode_ms)
    {
        out.push_back(m_encoded_frames > 0 ? ms / static_cast<double>(m_encoded_frames) : 0);
    }
    return out;
}

void
NeuralProfileCodec::TimeEncodePrefixes(const std::vector<Frame>& frames)
{
    const int k_max = m_codec->Config().iterations;
    m_encode_ms.resize(k_max, 0);
    std::vector<Frame> sample;
    if (m_header.gop_frames >= 2)
    {
        const std::size_t n = std::min<std::size_t>(frames.size(), m_header.gop_frames + 1);
        sample.assign(frames.begin(), frames.begin() + static_cast<std::ptrdiff_t>(n));
    }
    else
    {
        sample = {frames.front()};
        if (frames.size() >= 3)
        {
            sample.push_back(frames[frames.size() / 2]);
        }
        if (frames.size() >= 2)
        {
            sample.push_back(frames.back());
        }
    }
    const double scale = static_cast<double>(frames.size()) / static_cast<double>(sample.size());
    for (int k = 1; k <= k_max; ++k)
    {
        BitstreamHeader prefix = m_header;
        prefix.layers = k;
        prefix.b_error_layers = std::min(k, m_header.b_error_layers);
        if (prefix.b_error_layers < prefix.b_error_first_layer)
        {
            prefix.b_error_layers = 0;
            prefix.b_error_first_layer = 1;
        }
        Stopwatch start;
        EncodeNeuralChunk(*m_codec, sample, prefix, m_options.coding);
        m_encode_ms[k - 1] += start.Milliseconds() * scale;
    }
    m_encoded_frames += frames.size();
}

nlohmann::ordered_json
NeuralProfileCodec::Settings() const
{
    const ModelConfig& c = m_codec->Config();
    nlohmann::ordered_json json;
    json["architecture"] = std::string(ModelConfig::kArchitecture) + " v" +
                           std::to_string(ModelConfig::kArchitectureVersion);
    for (const auto& [key, value] : c.ToMetadata())
    {
        if (key != "architecture" && key != "architecture_version")
        {
            json[key] = std::stoi(value);
        }
    }
    json["layers"] = c.iterations;
    json["exits"] = "1: 1/16-resolution trunk; 2: + 1/8 stage; 3: + 1/4 stage (full decoder)";
    if (m_header.gop_frames >= 2)
    {
        json["frames"] = "anchors (key frames) every gop_frames frames of a chunk and its last "
                         "frame; B frames between them interpolated from the decoded anchors "
                         "with x264's vectors (entropy coded in layer 1), layers "
                         "b_error_first_layer..b_error_layers also coding their interpolation "
                         "error";
        json["gop_frames"] = m_header.gop_frames;
        json["b_error_first_layer"] = m_header.b_error_first_layer;
        json["b_error_layers"] = m_header.b_error_layers;
        json["motion_crf"] = m_options.coding.motion_crf;
        json["scene_cut_threshold"] = m_options.coding.scene_cut_threshold;
        json["scene_cuts"] = m_scene_cuts;
        json["scene_cuts_are"] = "frames that start a new shot (luma histogram distance to the "
                                 "previous frame over the threshold, 0: none), coded as anchors; "
                                 "each chunk's list is part of its layer 1 (2 bytes + 2 per cut)";
        json["motion_bytes"] = m_motion_bytes;
        json["motion_bytes_are"] = "the B frames' motion (with each chunk's 4-byte section "
                                   "length) over the whole video, part of layer 1's bytes";
    }
    else
    {
        json["frames"] = "every frame coded as a key frame (intra only)";
    }
    json["bits_per_layer_per_16x16_block"] = c.code_channels;
    json["entropy_coder"] = "adaptive binary arithmetic coder; contexts: left, upper, upper-left "
                            "bits, the previous channel's and the previous layer's bit";
    json["bytes"] = "layer payload + 8-byte chunk-table entry; layer 1 also the chunk's 4-byte "
                    "frame count, and in chunk 0 the file header and the table CRC";
    json["decode_ms"] = "parsing and entropy decoding of layers 1..k (measured) + rebuilding "
                        "every frame at the exit: single-shot decoder (on the anchors, and on the "
                        "B frames' error codes from b_error_first_layer on), interpolation "
                        "(measured), " +
                        std::to_string(m_options.threads) + " LibTorch threads";
    nlohmann::ordered_json encode_ms = nlohmann::ordered_json::array();
    for (double ms : EncodeMsPerFrame())
    {
        encode_ms.push_back(std::round(ms * 100) / 100);
    }
    json["encode_ms_per_frame"] = encode_ms;
    json["encode_ms"] = "per layer prefix k = 1..K, per frame: the whole encoder for k layers "
                        "(motion, network, entropy coding) timed on a sample of each chunk (its "
                        "first group of pictures; intra: 3 frames), " +
                        std::to_string(m_options.threads) + " LibTorch threads";
    return json;
}

void
NeuralProfileCodec::DescribeCodec(ns3::CodecInfo& info) const
{
    info.version = std::string(ModelConfig::kArchitecture) + " v" +
                   std::to_string(ModelConfig::kArchitectureVersion) + ", bitstream v" +
                   std::to_string(BitstreamHeader::kVersion) + ", LibTorch (CPU)";
    info.weights = std::filesystem::path(m_codec->WeightsPath()).filename().string();
    info.weights_sha256 = m_codec->WeightsSha256();
    info.decode_device = CpuModelName() + ", " + std::to_string(m_options.threads) +
                         " LibTorch threads (shared 2-core machine)";
}

std::vector<ns3::LayerInfo>
NeuralProfileCodec::CodeChunk(const std::vector<Frame>& frames,
                              const ChunkContext& chunk,
                              const ReconstructionSink& sink)
{
    const int width = frames.at(0).Width();
    const int height = frames.at(0).Height();
    const int k_max = m_codec->Config().iterations;
    m_header.width = width;
    m_header.height = height;
    CodedChunk coded = EncodeNeuralChunk(*m_codec, frames, m_header, m_options.coding);
    TimeEncodePrefixes(frames);
    m_motion_bytes += coded.codes.motion_bytes;
    m_scene_cuts += coded.codes.scene_cuts.size();
    const CodeShape shape = m_codec->CodeShapeFor(width, height);
    const auto n_frames = static_cast<std::uint32_t>(frames.size());

    // Parsing time of every prefix; the codes parsed from the bytes are the ones used.
    std::vector<double> entropy_ms(k_max);
    ChunkCodes decoded;
    for (int k = 1; k <= k_max; ++k)
    {
        std::vector<std::vector<std::uint8_t>> prefix(coded.payload.layers.begin(),
                                                      coded.payload.layers.begin() + k);
        Stopwatch start;
        decoded = ParseChunk(prefix, n_frames, m_header, shape);
        entropy_ms[k - 1] = start.Milliseconds();
    }
    if (decoded.anchor_codes != coded.codes.anchor_codes || decoded.b_codes != coded.codes.b_codes)
    {
        throw std::logic_error("neural profile: entropy decoding did not give the codes back");
    }
    // The network's work does not depend on k (missing codes are zeros), but below the first
    // error layer the B frames have no codes to decode: those prefixes rebuild only the anchors
    // and the interpolation, and are timed so.
    const int first_error_layer =
        decoded.b_codes.empty() ? k_max + 1 : m_header.b_error_first_layer;
    auto time_exits = [&](const ChunkCodes& codes) {
        std::vector<double> ms(ModelConfig::kExitCount);
        for (int e = 1; e <= ModelConfig::kExitCount; ++e)
        {
            Stopwatch start;
            ReconstructChunk(*m_codec, codes, width, height, e);
            ms[e - 1] = start.Milliseconds();
        }
        return ms;
    };
    const std::vector<double> network_ms = time_exits(decoded);
    const std::vector<double> anchors_only_ms =
        first_error_layer > 1 && first_error_layer <= k_max
            ? time_exits(PrefixOf(decoded, first_error_layer - 1))
            : network_ms;
    std::vector<std::vector<std::vector<Frame>>> pictures =
        ReconstructAllPrefixes(*m_codec, decoded, width, height);

    std::vector<ns3::LayerInfo> layers;
    for (int k = 1; k <= k_max; ++k)
    {
        ns3::LayerInfo layer;
        layer.bytes = coded.payload.layers[k - 1].size() + 8;
        if (k == 1)
        {
            layer.bytes += 4;
            if (chunk.index == 0)
            {
                layer.bytes += BitstreamHeader::kSize + 4;
            }
        }
        for (int e = 1; e <= ModelConfig::kExitCount; ++e)
        {
            const std::vector<Frame>& out = pictures[k - 1][e - 1];
            QualityOptions quality = m_options.quality;
            bool last = e == ModelConfig::kExitCount;
            quality.ms_ssim = quality.ms_ssim && last;
            Quality q = MeasureSequence(frames, out, quality);
            const double rebuild_ms =
                k < first_error_layer ? anchors_only_ms[e - 1] : network_ms[e - 1];
            layer.exits.push_back(ns3::ExitInfo{q.psnr_db, q.ssim, entropy_ms[k - 1] + rebuild_ms});
            if (last)
            {
                layer.psnr_db = q.psnr_db;
                layer.ssim = q.ssim;
                layer.ms_ssim = q.ms_ssim;
                if (sink)
                {
                    sink(static_cast<std::size_t>(k), out);
                }
            }
        }
        layers.push_back(layer);
    }
    return layers;
}

} // namespace lvc
