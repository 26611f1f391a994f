// What the profile tool needs of a codec: code one chunk, say what it measured.
#ifndef LVC_PROFILE_CHUNK_CODEC_H
#define LVC_PROFILE_CHUNK_CODEC_H

#include "io/frame.h"
#include "io/video-reader.h"

#include "ns3/video-profile.h"

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lvc
{

struct ChunkContext
{
    std::size_t index = 0;
    double fps = 0;
    int frames_per_chunk = 0; ///< of a whole chunk (the last one may hold fewer frames)
};

/// Receives the decoded frames of one level (1-based) of a chunk, e.g. to write them to a file.
using ReconstructionSink = std::function<void(std::size_t level, const std::vector<Frame>& frames)>;

/**
 * \brief A codec the profile tool can run: the x264/x265 ladders, the residual-layered baseline,
 * and later the neural layered codec. One entry per level: a ladder's representations
 * (alternatives) or a layered codec's layers (cumulative: quality of layers 1..j, bytes of j).
 */
class ChunkCodec
{
  public:
    virtual ~ChunkCodec() = default;

    /// The profile's codec.name: x264-ladder, x265-ladder, x265-residual-layered, ...
    virtual std::string Name() const = 0;
    virtual bool IsLayered() const = 0;
    /// Called once before the first chunk, with the video as read.
    virtual void Prepare(const StreamInfo& video, double chunk_duration_s) = 0;
    virtual std::size_t LevelCount() const = 0;
    /// The profile's codec.settings (after Prepare).
    virtual nlohmann::ordered_json Settings() const = 0;
    /// Codes one chunk: per level its bytes and the quality of its decoded frames.
    virtual std::vector<ns3::LayerInfo> CodeChunk(const std::vector<Frame>& frames,
                                                  const ChunkContext& chunk,
                                                  const ReconstructionSink& sink = {}) = 0;

    /// Lets a codec fill the profile's codec fields beyond name and settings (version, weights,
    /// weights_sha256, decode_device); called after the last chunk. Default: nothing.
    virtual void DescribeCodec(ns3::CodecInfo& info) const
    {
        (void)info;
    }
};

} // namespace lvc

#endif // LVC_PROFILE_CHUNK_CODEC_H
