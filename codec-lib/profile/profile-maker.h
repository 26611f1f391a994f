// Video in, video profile out: runs a ChunkCodec over every chunk of a video.
#ifndef LVC_PROFILE_PROFILE_MAKER_H
#define LVC_PROFILE_PROFILE_MAKER_H

#include "io/video-reader.h"
#include "metrics/quality.h"
#include "profile/chunk-codec.h"

#include "ns3/video-profile.h"

#include <functional>
#include <string>

namespace lvc
{

struct ProfileRequest
{
    std::string video_path;
    ReadOptions read;
    double chunk_duration_s = 2; ///< rounded to whole frames
    std::string name;            ///< video.name; empty: the file name without its extension
    std::string source;          ///< video.source; empty: video_path as given
    /// Receives one line per chunk (for long runs); may be empty.
    std::function<void(const std::string&)> progress;
    /// Receives each level's decoded frames, e.g. to write them; may be empty.
    std::function<void(const ChunkContext& chunk, std::size_t level, const std::vector<Frame>&)>
        sink;
};

/**
 * Decodes the video chunk by chunk, codes every chunk with `codec` and returns the profile
 * (JSON v1 through ns3::VideoProfile). codec.settings gets, beside the codec's own settings,
 * how the video was read (source size, scaling, frame-rate origin, frames per chunk) and how
 * quality was measured. Bad input throws ns3::InputError naming the file or option.
 */
ns3::VideoProfile MakeProfile(const ProfileRequest& request,
                              ChunkCodec& codec,
                              const QualityOptions& quality);

/// How quality is measured, for codec.settings.
nlohmann::ordered_json QualitySettingsJson(const QualityOptions& quality);

} // namespace lvc

#endif // LVC_PROFILE_PROFILE_MAKER_H
