// Motion fields from libavcodec's exported motion vectors (internal to io/video-reader.cc).
#ifndef LVC_IO_MOTION_VECTOR_EXPORT_H
#define LVC_IO_MOTION_VECTOR_EXPORT_H

#include "io/av-holders.h"
#include "io/motion-field.h"

#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

namespace lvc
{

/**
 * \brief Turns AV_FRAME_DATA_MOTION_VECTORS side data into MotionFields at the output geometry,
 * and finds each picture's reference (H.264 only).
 *
 * libavcodec does not say which picture a vector points into. For H.264 the packets are numbered
 * (their pts, which the decoder hands back on the picture) and parsed for nal_ref_idc, so that
 * each picture's nearest past reference picture (decoded before it, latest in display order:
 * list 0's default first entry) is known.
 */
class MotionVectorExport
{
  public:
    explicit MotionVectorExport(const AVCodecParameters& stream);

    /// Call on every packet of the stream before it is sent to the decoder.
    void NumberPacket(AVPacket& packet);

    /// Call on every decoded picture, in output (display) order; returns how many frames back
    /// its reference is (0: unknown or none).
    int Track(const AVFrame& picture, std::int64_t display_index);

    /// The picture's vectors (past references only) moved into the crop and scaled to the output.
    MotionField FieldOf(const AVFrame& picture,
                        int reference_offset,
                        const CropRect& crop,
                        int out_width,
                        int out_height) const;

  private:
    bool m_track_references;
    int m_nal_length_size;
    std::vector<bool> m_packet_is_reference;                               ///< by decode index
    std::deque<std::pair<std::int64_t, std::int64_t>> m_output_references; ///< (display, decode)
};

} // namespace lvc

#endif // LVC_IO_MOTION_VECTOR_EXPORT_H
