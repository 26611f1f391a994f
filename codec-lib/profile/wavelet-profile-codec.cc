#include "profile/wavelet-profile-codec.h"

#include "common/cpu-name.h"
#include "common/stopwatch.h"
#include "wavelet/wavelet-stream.h"

#include "ns3/input-error.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace lvc
{

WaveletProfileCodec::WaveletProfileCodec(const WaveletProfileOptions& options)
    : m_options(options)
{
    try
    {
        CheckWaveletOptions(options.coding);
    }
    catch (const std::invalid_argument& e)
    {
        throw ns3::InputError(e.what());
    }
}

std::string
WaveletProfileCodec::Name() const
{
    return "wavelet-layered";
}

bool
WaveletProfileCodec::IsLayered() const
{
    return true;
}

void
WaveletProfileCodec::Prepare(const StreamInfo&, double)
{
}

std::size_t
WaveletProfileCodec::LevelCount() const
{
    return m_options.coding.layer_bpp.size();
}

nlohmann::ordered_json
WaveletProfileCodec::Settings() const
{
    const WaveletCodingOptions& c = m_options.coding;
    nlohmann::ordered_json json;
    json["transform"] = "CDF 9/7 lifting wavelet, up to 6 levels (luma) / 5 (chroma), bands no "
                        "smaller than 8 samples";
    json["frames"] = "keys every gop_frames frames and at the chunk's last frame (the first a "
                     "picture, the others predicted from the key before), a dyadic hierarchy of "
                     "bidirectionally predicted frames between keys, open-loop (predictions from "
                     "the source frames), scene cuts coded as pictures";
    json["gop_frames"] = c.gop_frames;
    json["motion"] = "32x32 quadtrees down to 8x8 blocks, quarter-sample vectors (HEVC's 8-tap "
                     "filters), past/future/both and merge modes, overlapped block motion "
                     "compensation; searched by the encoder, coded in layer 1";
    json["motion_lambda"] = c.motion_lambda;
    json["layers"] = c.layer_bpp.size();
    json["layer_bpp"] = c.layer_bpp;
    json["layer_bpp_are"] = "cumulative target bits per pixel of layers 1..k; layer 1 holds the "
                            "motion and is raised when motion needs more, each later prefix gets "
                            "at least 1.25x the one before";
    json["embedded_coder"] = "bit planes from the top down, bands coarse to fine, frames in coding "
                             "order; quadtree significance, sign and refinement bits with adaptive "
                             "context models; coefficients weighted by synthesis gain and each "
                             "frame's open-loop distortion weight (exponent " +
                             std::to_string(c.weight_exponent) + ")";
    json["scene_cut_threshold"] = c.scene_cut_threshold;
    json["scene_cuts"] = m_scene_cuts;
    json["motion_bpp"] =
        m_frames > 0 ? std::round(m_motion_bits / static_cast<double>(m_frames) * 1e4) / 1e4 : 0;
    json["bytes"] = "layer payload + 8-byte chunk-table entry; layer 1 also the chunk's 4-byte "
                    "frame count, and in chunk 0 the file header and the table CRC";
    json["exits"] =
        std::string("1: the temporal skip (keys and frames whose references lie ") +
        std::to_string(kSkipSpan) +
        " or more frames apart rebuilt, the others blended from them); 2: every "
        "frame rebuilt (the plain reconstruction)" +
        (m_options.restorer ? "; 3..: the restoration network (frames at half resolution as 6 "
                              "channels plus a noise hint, 3x3 residual blocks) to growing depths, "
                              "each chunk's exit maps falling back to a shallower depth where it "
                              "restores better, restore weights " +
                                  m_options.restorer->WeightsSha256().substr(0, 16)
                            : std::string());
    json["decode_ms"] = "entropy decoding of layers 1..k + rebuilding the frames of the exit "
                        "(inverse wavelet transform, motion compensation) + the restoration "
                        "network to the exit, measured, one thread";
    if (!m_network_ms_per_frame.empty())
    {
        nlohmann::ordered_json network = nlohmann::ordered_json::array();
        for (double ms : m_network_ms_per_frame)
        {
            network.push_back(std::round(ms * 100) / 100);
        }
        json["skip_decode_ms_per_frame"] = std::round(m_skip_ms_per_frame * 100) / 100;
        json["plain_decode_ms_per_frame"] = std::round(m_plain_ms_per_frame * 100) / 100;
        json["network_exit_ms_per_frame"] = network;
        json["network_exit_ms_are"] = "exits 2.. of the restoration network run on the first "
                                      "chunk's frames at K layers, whatever the exit maps say, "
                                      "per frame, one thread";
    }
    json["encode_ms_per_frame"] =
        m_frames > 0 ? std::round(m_encode_ms / static_cast<double>(m_frames) * 100) / 100 : 0;
    return json;
}

void
WaveletProfileCodec::DescribeCodec(ns3::CodecInfo& info) const
{
    info.version = "lvc-wavelet v1, bitstream v" + std::to_string(BitstreamHeader::kVersion);
    info.decode_device = CpuModelName() + ", one thread (shared 2-core machine)";
    if (m_options.restorer)
    {
        const std::string& path = m_options.restorer->WeightsPath();
        info.weights = path.substr(path.find_last_of('/') + 1);
        info.weights_sha256 = m_options.restorer->WeightsSha256();
    }
}

std::vector<ns3::LayerInfo>
WaveletProfileCodec::CodeChunk(const std::vector<Frame>& frames,
                               const ChunkContext& chunk,
                               const ReconstructionSink& sink)
{
    const int width = frames.at(0).Width();
    const int height = frames.at(0).Height();
    Stopwatch start;
    EncodedWaveletChunk coded =
        EncodeWaveletChunk(frames, m_options.coding, m_options.restorer.get());
    m_encode_ms += start.Milliseconds();
    m_frames += frames.size();
    // motion_bits is per chunk; keep it per pixel for the settings' bpp.
    m_motion_bits += coded.motion_bits / (static_cast<double>(width) * height);
    m_scene_cuts += coded.scene_cuts.size();
    const int gop = m_options.coding.gop_frames <= 1 ? 0 : m_options.coding.gop_frames;
    WaveletChunkDecoder decoder(width, height, static_cast<int>(frames.size()), gop);
    std::vector<ns3::LayerInfo> layers;
    double entropy_ms = 0;
    for (std::size_t k = 1; k <= coded.layers.size(); ++k)
    {
        start.Restart();
        decoder.DecodeLayer(coded.layers[k - 1]);
        entropy_ms += start.Milliseconds();
        start.Restart();
        const std::vector<Frame> out = decoder.Reconstruct();
        const double rebuild_ms = start.Milliseconds();
        ns3::LayerInfo layer;
        layer.bytes = coded.layers[k - 1].size() + 8;
        if (k == 1)
        {
            layer.bytes += 4;
            if (chunk.index == 0)
            {
                layer.bytes += BitstreamHeader::kSize + 4;
            }
        }
        const int exits = WaveletExitCount(m_options.restorer.get());
        // Exit 1: the temporal skip, rebuilt and timed on its own.
        start.Restart();
        const std::vector<Frame> skipped = decoder.Reconstruct(true);
        const double skip_ms = start.Milliseconds();
        if (chunk.index == 0 && k == coded.layers.size())
        {
            m_skip_ms_per_frame = (entropy_ms + skip_ms) / static_cast<double>(frames.size());
            m_plain_ms_per_frame = (entropy_ms + rebuild_ms) / static_cast<double>(frames.size());
            m_network_ms_per_frame.clear();
            for (int e = 2; e <= exits - 1; ++e)
            {
                start.Restart();
                m_options.restorer->Restore(out, decoder.NoiseHints(), e);
                m_network_ms_per_frame.push_back(start.Milliseconds() /
                                                 static_cast<double>(frames.size()));
            }
        }
        const std::vector<float> hints = exits > 2 ? decoder.NoiseHints() : std::vector<float>{};
        // Each network exit that the chunk's exit map sends a decoder exit to, run and timed once.
        std::map<int, std::pair<std::vector<Frame>, double>> networks;
        for (int e = 1; e <= exits; ++e)
        {
            const int network_exit = decoder.NetworkExitFor(e);
            if (network_exit > 1 && networks.count(network_exit) == 0)
            {
                start.Restart();
                std::vector<Frame> restored = m_options.restorer->Restore(out, hints, network_exit);
                networks[network_exit] = {std::move(restored), start.Milliseconds()};
            }
            const std::vector<Frame>& exit_frames =
                e == 1 ? skipped : (network_exit > 1 ? networks[network_exit].first : out);
            const double rebuild_and_restore_ms =
                e == 1 ? skip_ms
                       : rebuild_ms + (network_exit > 1 ? networks[network_exit].second : 0);
            const bool last = e == exits;
            QualityOptions quality = m_options.quality;
            quality.ms_ssim = quality.ms_ssim && last;
            const Quality q = MeasureSequence(frames, exit_frames, quality);
            layer.exits.push_back(
                ns3::ExitInfo{q.psnr_db, q.ssim, entropy_ms + rebuild_and_restore_ms});
            if (last)
            {
                layer.psnr_db = q.psnr_db;
                layer.ssim = q.ssim;
                layer.ms_ssim = q.ms_ssim;
                if (sink)
                {
                    sink(k, exit_frames);
                }
            }
        }
        layers.push_back(layer);
    }
    return layers;
}

} // namespace lvc
