#include "video-profile.h"

#include "ns3/input-error.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace ns3
{

namespace
{
constexpr double kBitsPerByte = 8;
constexpr std::uint64_t kMaxLayerBytes = 1000000000000ULL; // 1 TB: beyond any real chunk
} // namespace

VideoProfile
VideoProfile::FromChunks(const VideoInfo& video,
                         const CodecInfo& codec,
                         double chunk_duration_s,
                         bool layered,
                         std::vector<ChunkInfo> chunks,
                         const std::string& where)
{
    VideoProfile p;
    p.m_video = video;
    p.m_codec = codec;
    p.m_chunk_duration_s = chunk_duration_s;
    p.m_layered = layered;
    p.m_chunks = std::move(chunks);
    p.Validate(!where.empty() ? where : video.name.empty() ? "profile" : video.name);
    return p;
}

void
VideoProfile::Validate(const std::string& where)
{
    if (!(m_chunk_duration_s > 0) || !std::isfinite(m_chunk_duration_s))
    {
        throw InputError::AtField(where, "chunk_duration_s", "must be > 0");
    }
    if (m_chunks.empty())
    {
        throw InputError::AtField(where, "chunks", "no chunks");
    }
    std::size_t levels = m_chunks[0].layers.size();
    if (levels == 0)
    {
        throw InputError::AtField(where, "chunks[0].layers", "no layers");
    }
    m_exit_count = static_cast<std::uint32_t>(m_chunks[0].layers[0].exits.size());
    m_has_quality = true;
    m_level_bytes.assign(m_chunks.size(), std::vector<std::uint64_t>(levels, 0));
    for (std::size_t c = 0; c < m_chunks.size(); ++c)
    {
        ChunkInfo& chunk = m_chunks[c];
        std::string chunk_field = "chunks[" + std::to_string(c) + "]";
        if (chunk.duration_s == 0)
        {
            chunk.duration_s = m_chunk_duration_s;
        }
        if (!(chunk.duration_s > 0) || !std::isfinite(chunk.duration_s))
        {
            throw InputError::AtField(where, chunk_field + ".duration_s", "must be > 0");
        }
        if (chunk.layers.size() != levels)
        {
            throw InputError::AtField(where,
                                      chunk_field + ".layers",
                                      "has " + std::to_string(chunk.layers.size()) +
                                          " layers, chunk 0 has " + std::to_string(levels) +
                                          " (the count must be the same in every chunk)");
        }
        std::uint64_t sum = 0;
        for (std::size_t l = 0; l < levels; ++l)
        {
            const LayerInfo& layer = chunk.layers[l];
            std::string field = chunk_field + ".layers[" + std::to_string(l) + "]";
            if (layer.bytes < 1 || layer.bytes > kMaxLayerBytes)
            {
                throw InputError::AtField(where, field + ".bytes", "must be in [1, 1e12]");
            }
            if (layer.exits.size() != m_exit_count)
            {
                throw InputError::AtField(where,
                                          field + ".exits",
                                          "every layer must list the same number of exits");
            }
            if (std::isnan(layer.psnr_db) || std::isnan(layer.ssim))
            {
                m_has_quality = false;
            }
            else if (!(layer.ssim > 0 && layer.ssim <= 1) || !std::isfinite(layer.psnr_db))
            {
                throw InputError::AtField(where, field, "ssim must be in (0, 1], psnr_db finite");
            }
            for (std::size_t e = 0; e < layer.exits.size(); ++e)
            {
                const ExitInfo& exit = layer.exits[e];
                if (!(exit.decode_ms >= 0) || !std::isfinite(exit.decode_ms) ||
                    !(exit.ssim > 0 && exit.ssim <= 1) || !std::isfinite(exit.psnr_db))
                {
                    throw InputError::AtField(
                        where,
                        field + ".exits[" + std::to_string(e) + "]",
                        "needs decode_ms >= 0, ssim in (0, 1], finite psnr_db");
                }
            }
            sum = m_layered ? sum + layer.bytes : layer.bytes;
            m_level_bytes[c][l] = sum;
        }
    }
    m_nominal_bps.assign(levels, 0);
    for (std::size_t l = 0; l < levels; ++l)
    {
        bool given = true;
        double sum_bps = 0;
        for (std::size_t c = 0; c < m_chunks.size(); ++c)
        {
            given = given && !m_layered && m_chunks[c].layers[l].bitrate_bps > 0;
            sum_bps += m_level_bytes[c][l] * kBitsPerByte / m_chunks[c].duration_s;
        }
        m_nominal_bps[l] = given ? m_chunks[0].layers[l].bitrate_bps : sum_bps / m_chunks.size();
    }
}

std::string VideoProfileToJson(const VideoProfile& profile); // video-profile-json.cc

std::string
VideoProfile::ToJson() const
{
    return VideoProfileToJson(*this);
}

void
VideoProfile::Save(const std::string& path) const
{
    std::string text = ToJson();
    std::ofstream out(path, std::ios::binary);
    if (!out || !(out << text))
    {
        throw InputError::InFile(path, "cannot write the profile");
    }
}

namespace
{
constexpr double kMinClientSpeed = 1e-3;
constexpr double kMaxClientSpeed = 1e6;
} // namespace

void
CheckClientSpeed(double speed, const std::string& where)
{
    if (!(speed >= kMinClientSpeed && speed <= kMaxClientSpeed))
    {
        std::ostringstream value;
        value << speed;
        throw InputError::AtField(where,
                                  "client speed",
                                  value.str() +
                                      " is not in 0.001..1e6 (times the profiled machine)");
    }
}

void
CheckSessionChunks(std::uint64_t count, const std::string& where)
{
    if (count < 1 || count > kMaxSessionChunks)
    {
        throw InputError::AtField(where,
                                  "chunk count",
                                  std::to_string(count) + " is not in 1.." +
                                      std::to_string(kMaxSessionChunks));
    }
}

VideoProfile
VideoProfile::Looped(std::uint32_t chunk_count) const
{
    CheckSessionChunks(chunk_count, m_video.name);
    VideoProfile p = *this;
    p.m_chunks.clear();
    p.m_level_bytes.clear();
    for (std::uint32_t i = 0; i < chunk_count; ++i)
    {
        p.m_chunks.push_back(m_chunks[i % m_chunks.size()]);
        p.m_level_bytes.push_back(m_level_bytes[i % m_chunks.size()]);
    }
    return p;
}

VideoProfile
VideoProfile::WithClientSpeed(double speed) const
{
    CheckClientSpeed(speed, m_video.name);
    VideoProfile p = *this;
    for (ChunkInfo& chunk : p.m_chunks)
    {
        for (LayerInfo& layer : chunk.layers)
        {
            for (ExitInfo& exit : layer.exits)
            {
                exit.decode_ms /= speed;
            }
        }
    }
    return p;
}

const VideoInfo&
VideoProfile::GetVideo() const
{
    return m_video;
}

const CodecInfo&
VideoProfile::GetCodec() const
{
    return m_codec;
}

bool
VideoProfile::IsLayered() const
{
    return m_layered;
}

double
VideoProfile::GetChunkDuration_s() const
{
    return m_chunk_duration_s;
}

std::uint32_t
VideoProfile::GetChunkCount() const
{
    return static_cast<std::uint32_t>(m_chunks.size());
}

std::uint32_t
VideoProfile::GetLevelCount() const
{
    return static_cast<std::uint32_t>(m_chunks[0].layers.size());
}

std::uint32_t
VideoProfile::GetExitCount() const
{
    return m_exit_count;
}

bool
VideoProfile::HasQuality() const
{
    return m_has_quality;
}

const ChunkInfo&
VideoProfile::GetChunk(std::uint32_t chunk) const
{
    return m_chunks.at(chunk);
}

double
VideoProfile::GetChunkDurationOf_s(std::uint32_t chunk) const
{
    return m_chunks[chunk].duration_s;
}

double
VideoProfile::GetTotalDuration_s() const
{
    double total = 0;
    for (const auto& c : m_chunks)
    {
        total += c.duration_s;
    }
    return total;
}

std::uint64_t
VideoProfile::LevelBytes(std::uint32_t chunk, std::uint32_t level) const
{
    return level == 0 ? 0 : m_level_bytes[chunk][level - 1];
}

std::uint64_t
VideoProfile::UpgradeBytes(std::uint32_t chunk, std::uint32_t from, std::uint32_t to) const
{
    if (!m_layered)
    {
        return LevelBytes(chunk, to);
    }
    return LevelBytes(chunk, to) - LevelBytes(chunk, from);
}

double
VideoProfile::NominalBitrate_bps(std::uint32_t level) const
{
    return m_nominal_bps.at(level - 1);
}

const LayerInfo&
VideoProfile::Level(std::uint32_t chunk, std::uint32_t level) const
{
    return m_chunks[chunk].layers[level - 1];
}

} // namespace ns3
