// How a video is read: geometry, frame rate, section, motion vectors.
#ifndef LVC_IO_READ_OPTIONS_H
#define LVC_IO_READ_OPTIONS_H

#include "io/frame.h"

#include <cstdint>
#include <string>

namespace lvc
{

struct ReadOptions
{
    double fps = 0; ///< frames per second to use; 0: the stream's own (an error if it has none)
    int width = 0;  ///< output width; 0: the (cropped) source width, or kept aspect
    int height = 0; ///< output height; 0: likewise
    CropRect crop;  ///< applied before scaling; offsets and sizes even
    bool motion_vectors = false;  ///< decode with export_mvs and return motion fields
    std::int64_t start_frame = 0; ///< frames skipped at the start
    std::int64_t max_frames = 0;  ///< 0: every frame
    int threads = 1;              ///< decoder threads (1 when motion vectors are asked for)
};

/// Throws ns3::InputError naming `path` and the option when a value cannot be used.
void CheckReadOptions(const std::string& path, const ReadOptions& options);

/// The even integer nearest to `value` (sizes kept in proportion stay 4:2:0).
int EvenRound(double value);

} // namespace lvc

#endif // LVC_IO_READ_OPTIONS_H
