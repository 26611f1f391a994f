#include "io/motion-vector-export.h"

#include "io/h264-nal.h"

extern "C"
{
#include <libavutil/motion_vector.h>
}

namespace lvc
{

namespace
{
constexpr std::size_t kRememberedReferences = 32; // beyond H.264's 16 reference frames
} // namespace

MotionVectorExport::MotionVectorExport(const AVCodecParameters& stream)
    : m_track_references(stream.codec_id == AV_CODEC_ID_H264),
      m_nal_length_size(
          H264NalLengthSize(stream.extradata, static_cast<std::size_t>(stream.extradata_size)))
{
}

void
MotionVectorExport::NumberPacket(AVPacket& packet)
{
    if (!m_track_references)
    {
        return;
    }
    packet.pts = static_cast<std::int64_t>(m_packet_is_reference.size());
    m_packet_is_reference.push_back(H264AccessUnitIsReference(packet.data,
                                                              static_cast<std::size_t>(packet.size),
                                                              m_nal_length_size));
}

int
MotionVectorExport::Track(const AVFrame& picture, std::int64_t display_index)
{
    std::int64_t decode = picture.pts;
    if (!m_track_references || decode < 0 ||
        decode >= static_cast<std::int64_t>(m_packet_is_reference.size()))
    {
        return 0;
    }
    // Pictures come out in display order: the last remembered reference decoded before this
    // picture is the latest in display order.
    int offset = 0;
    for (auto it = m_output_references.rbegin(); it != m_output_references.rend(); ++it)
    {
        if (it->second < decode)
        {
            offset = static_cast<int>(display_index - it->first);
            break;
        }
    }
    if (m_packet_is_reference[decode])
    {
        m_output_references.emplace_back(display_index, decode);
        if (m_output_references.size() > kRememberedReferences)
        {
            m_output_references.pop_front();
        }
    }
    return offset;
}

MotionField
MotionVectorExport::FieldOf(const AVFrame& picture,
                            int reference_offset,
                            const CropRect& crop,
                            int out_width,
                            int out_height) const
{
    MotionField field = MotionField::Zero(out_width, out_height);
    field.reference_offset = reference_offset;
    const AVFrameSideData* side = av_frame_get_side_data(&picture, AV_FRAME_DATA_MOTION_VECTORS);
    if (!side)
    {
        return field;
    }
    double origin_x = crop.IsSet() ? crop.x : 0;
    double origin_y = crop.IsSet() ? crop.y : 0;
    double scale_x = static_cast<double>(out_width) / (crop.IsSet() ? crop.width : picture.width);
    double scale_y =
        static_cast<double>(out_height) / (crop.IsSet() ? crop.height : picture.height);
    const auto* vectors = reinterpret_cast<const AVMotionVector*>(side->data);
    std::size_t count = side->size / sizeof(AVMotionVector);
    for (std::size_t i = 0; i < count; ++i)
    {
        const AVMotionVector& v = vectors[i];
        if (v.source >= 0 || v.motion_scale == 0)
        {
            continue; // points into a future picture: not past-to-present motion
        }
        // dst_x/dst_y is the block's centre; the matching reference position is
        // dst + motion / motion_scale.
        double x0 = (v.dst_x - v.w / 2.0 - origin_x) * scale_x;
        double y0 = (v.dst_y - v.h / 2.0 - origin_y) * scale_y;
        double x1 = x0 + v.w * scale_x;
        double y1 = y0 + v.h * scale_y;
        auto dx = static_cast<float>(static_cast<double>(v.motion_x) / v.motion_scale * scale_x);
        auto dy = static_cast<float>(static_cast<double>(v.motion_y) / v.motion_scale * scale_y);
        field.Fill(x0, y0, x1, y1, dx, dy);
    }
    return field;
}

} // namespace lvc
