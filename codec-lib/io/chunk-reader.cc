#include "io/chunk-reader.h"

#include "ns3/input-error.h"

#include <cmath>
#include <sstream>

namespace lvc
{

using ns3::InputError;

namespace
{

std::string
Seconds(double value_s)
{
    std::ostringstream text;
    text << value_s << " s";
    return text.str();
}

std::string
Fps(double fps)
{
    std::ostringstream text;
    text << fps << " fps";
    return text.str();
}

} // namespace

ChunkReader::ChunkReader(VideoReader& reader, double chunk_duration_s)
    : m_reader(reader),
      m_frames_per_chunk(0)
{
    const StreamInfo& info = reader.Info();
    if (!(std::isfinite(chunk_duration_s) && chunk_duration_s > 0))
    {
        throw InputError::AtField(info.path,
                                  "chunk duration",
                                  "must be a positive number of seconds");
    }
    double frames = std::round(chunk_duration_s * info.fps);
    if (frames < 1)
    {
        throw InputError::AtField(info.path,
                                  "chunk duration",
                                  Seconds(chunk_duration_s) + " is shorter than one frame at " +
                                      Fps(info.fps));
    }
    if (frames > 1e7)
    {
        throw InputError::AtField(info.path,
                                  "chunk duration",
                                  Seconds(chunk_duration_s) + " is too long");
    }
    m_frames_per_chunk = static_cast<int>(frames);
}

int
ChunkReader::FramesPerChunk() const
{
    return m_frames_per_chunk;
}

double
ChunkReader::ChunkDuration_s() const
{
    return m_frames_per_chunk / m_reader.Info().fps;
}

bool
ChunkReader::Next(std::vector<Frame>& frames, std::vector<MotionField>* motion)
{
    frames.clear();
    if (motion)
    {
        motion->clear();
    }
    Frame frame;
    MotionField field;
    while (static_cast<int>(frames.size()) < m_frames_per_chunk &&
           m_reader.Read(frame, motion ? &field : nullptr))
    {
        frames.push_back(std::move(frame));
        if (motion)
        {
            motion->push_back(std::move(field));
        }
    }
    if (frames.empty())
    {
        return false;
    }
    if (m_chunks_read == 0 && static_cast<int>(frames.size()) < m_frames_per_chunk)
    {
        const StreamInfo& info = m_reader.Info();
        throw InputError::AtField(
            info.path,
            "chunk duration",
            Seconds(ChunkDuration_s()) + " (" + std::to_string(m_frames_per_chunk) +
                " frames) is longer than the video (" + std::to_string(frames.size()) +
                " frames, " + Seconds(frames.size() / info.fps) + " at " + Fps(info.fps) + ")");
    }
    ++m_chunks_read;
    return true;
}

std::uint32_t
ChunkReader::ChunksRead() const
{
    return m_chunks_read;
}

} // namespace lvc
