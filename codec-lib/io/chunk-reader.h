// Splits a decoded video into chunks of whole frames.
#ifndef LVC_IO_CHUNK_READER_H
#define LVC_IO_CHUNK_READER_H

#include "io/frame.h"
#include "io/motion-field.h"
#include "io/video-reader.h"

#include <cstdint>
#include <vector>

namespace lvc
{

/**
 * \brief Reads a video chunk by chunk: round(chunk_duration_s x fps) frames per chunk; the last
 * chunk holds what is left (it may be shorter).
 *
 * A chunk duration shorter than one frame, or longer than the whole video, is an
 * ns3::InputError naming the file and the chunk duration.
 */
class ChunkReader
{
  public:
    ChunkReader(VideoReader& reader, double chunk_duration_s);

    int FramesPerChunk() const;
    /// The duration of a whole chunk: its frames / fps (2.002 s for 2 s at 29.97 fps).
    double ChunkDuration_s() const;

    /// The next chunk's frames (and motion fields when given); false when no frame is left.
    bool Next(std::vector<Frame>& frames, std::vector<MotionField>* motion = nullptr);

    std::uint32_t ChunksRead() const;

  private:
    VideoReader& m_reader;
    int m_frames_per_chunk;
    std::uint32_t m_chunks_read = 0;
};

} // namespace lvc

#endif // LVC_IO_CHUNK_READER_H
