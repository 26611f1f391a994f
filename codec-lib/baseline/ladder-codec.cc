#include "baseline/ladder-codec.h"

#include "baseline/rate-ladder.h"
#include "common/parallel.h"

#include <algorithm>
#include <atomic>
#include <cmath>

namespace lvc
{

LadderCodec::LadderCodec(const LadderOptions& options)
    : m_options(options),
      m_default_bitrates(options.bitrates_bps.empty())
{
    if (!m_default_bitrates)
    {
        CheckBitrates(options.bitrates_bps, "ladder bitrates");
    }
}

std::string
LadderCodec::Name() const
{
    return CodecLabel(m_options.encoder.codec) + "-ladder";
}

bool
LadderCodec::IsLayered() const
{
    return false;
}

void
LadderCodec::Prepare(const StreamInfo& video, double chunk_duration_s)
{
    if (m_default_bitrates)
    {
        m_options.bitrates_bps = DefaultLadder_bps(video.width, video.height, video.fps);
    }
    m_gop_frames = static_cast<int>(std::lround(chunk_duration_s * video.fps));
}

std::size_t
LadderCodec::LevelCount() const
{
    return m_options.bitrates_bps.size();
}

nlohmann::ordered_json
LadderCodec::Settings() const
{
    nlohmann::ordered_json json = EncoderSettingsJson(m_options.encoder, m_gop_frames);
    json["target_bitrates_bps"] = m_options.bitrates_bps;
    json["parallel_representations"] = m_options.parallel;
    json["bitrate_rule"] = m_default_bitrates
                               ? "default: Swift's 1, 5, 8, 12, 16 Mbps at 1080p30 scaled by "
                                 "width x height x fps / (1920 x 1080 x 30), whole kbps"
                               : "given";
    return json;
}

std::vector<ns3::LayerInfo>
LadderCodec::CodeChunk(const std::vector<Frame>& frames,
                       const ChunkContext& chunk,
                       const ReconstructionSink& sink)
{
    const std::size_t count = m_options.bitrates_bps.size();
    std::vector<ns3::LayerInfo> levels(count);
    std::vector<std::vector<Frame>> decoded(sink ? count : 0);
    QualityOptions quality = m_options.quality;
    quality.threads = 1; // the representations are the parallel work
    // Representations are independent: workers take them in turn.
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t r = next++; r < count; r = next++)
        {
            double target_bps = m_options.bitrates_bps[r];
            ChunkEncoding encoding = EncodeChunk(frames, chunk.fps, target_bps, m_options.encoder);
            Quality q = MeasureSequence(frames, encoding.decoded, quality);
            ns3::LayerInfo& level = levels[r];
            level.bytes = encoding.bytes;
            level.bitrate_bps = target_bps;
            level.psnr_db = q.psnr_db;
            level.ssim = q.ssim;
            level.ms_ssim = q.ms_ssim;
            if (sink)
            {
                decoded[r] = std::move(encoding.decoded);
            }
        }
    };
    RunWorkers(std::max(1, m_options.parallel), work);
    for (std::size_t r = 0; r < decoded.size(); ++r)
    {
        sink(r + 1, decoded[r]);
    }
    return levels;
}

} // namespace lvc
