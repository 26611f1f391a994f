#include "interp/anchor-motion.h"

#include "io/av-holders.h"
#include "io/video-encoder.h"

extern "C"
{
#include <libavutil/motion_vector.h>
}

#include <stdexcept>
#include <string>

namespace lvc
{

namespace
{

/// x264 with anchors every `gop` frames and B frames that see only the two around them.
EncoderConfig
AnchorEncoder(const Frame& first, const AnchorMotionOptions& options, int frames)
{
    EncoderConfig config;
    config.encoder = "libx264";
    config.width = first.Width();
    config.height = first.Height();
    config.fps = options.fps;
    config.gop_frames = frames + 1; // one I frame
    config.options = {{"preset", "medium"},
                      {"crf", std::to_string(options.crf)},
                      {"x264-params",
                       "bframes=" + std::to_string(options.gop_frames - 1) +
                           ":b-adapt=0:b-pyramid=none:ref=1:scenecut=0:weightb=0:open-gop=0:"
                           "cpu-independent=1"}};
    return config;
}

/// The side data's vectors of one direction (list 0: source < 0; list 1: source > 0).
MotionField
FieldOf(const AVFrame& picture, bool future)
{
    MotionField field = MotionField::Zero(picture.width, picture.height);
    const AVFrameSideData* side = av_frame_get_side_data(&picture, AV_FRAME_DATA_MOTION_VECTORS);
    if (side == nullptr)
    {
        return field;
    }
    const auto* vectors = reinterpret_cast<const AVMotionVector*>(side->data);
    const std::size_t count = side->size / sizeof(AVMotionVector);
    for (std::size_t i = 0; i < count; ++i)
    {
        const AVMotionVector& v = vectors[i];
        if (v.motion_scale == 0 || (v.source > 0) != future || v.source == 0)
        {
            continue;
        }
        const double x0 = v.dst_x - v.w / 2.0;
        const double y0 = v.dst_y - v.h / 2.0;
        field.Fill(x0,
                   y0,
                   x0 + v.w,
                   y0 + v.h,
                   static_cast<float>(static_cast<double>(v.motion_x) / v.motion_scale),
                   static_cast<float>(static_cast<double>(v.motion_y) / v.motion_scale));
    }
    return field;
}

} // namespace

std::vector<AnchorMotion>
AnchorMotionOf(const std::vector<Frame>& frames, const AnchorMotionOptions& options)
{
    if (frames.empty() || options.gop_frames < 2 || options.gop_frames > 17)
    {
        throw std::invalid_argument("anchor motion: frames and a GOP of 2..17 frames");
    }
    const int count = static_cast<int>(frames.size());
    VideoEncoder encoder(AnchorEncoder(frames[0], options, count));
    std::vector<EncodedPacket> packets;
    std::vector<ForcedPictureType> types(count, ForcedPictureType::kAuto);
    if (!options.anchors.empty())
    {
        types.assign(count, ForcedPictureType::kBidirectional);
        for (int a : options.anchors)
        {
            types.at(a) = ForcedPictureType::kPredicted;
        }
        types[0] = ForcedPictureType::kIntra;
        types[count - 1] = count > 1 ? ForcedPictureType::kPredicted : types[0];
    }
    for (int t = 0; t < count; ++t)
    {
        encoder.Send(frames[t], packets, types[t]);
    }
    encoder.Finish(packets);

    const AVCodec* codec = avcodec_find_decoder_by_name("h264");
    CodecContextPtr context(avcodec_alloc_context3(codec));
    context->thread_count = 1;
    context->flags2 |= AV_CODEC_FLAG2_EXPORT_MVS;
    int rc = avcodec_open2(context.get(), codec, nullptr);
    if (rc < 0)
    {
        throw std::runtime_error("anchor motion: h264 decoder: " + AvErrorText(rc));
    }
    std::vector<AnchorMotion> out(count);
    std::vector<int> anchors;
    AvFramePtr picture = AllocFrame();
    AvPacketPtr packet = AllocPacket();
    int shown = 0;
    auto drain = [&] {
        while (avcodec_receive_frame(context.get(), picture.get()) == 0)
        {
            if (shown >= count)
            {
                throw std::runtime_error("anchor motion: more pictures than frames");
            }
            AnchorMotion& m = out[shown];
            m.is_anchor = picture->pict_type != AV_PICTURE_TYPE_B;
            m.past = FieldOf(*picture, false);
            m.future = FieldOf(*picture, true);
            if (m.is_anchor)
            {
                anchors.push_back(shown);
            }
            ++shown;
            av_frame_unref(picture.get());
        }
    };
    for (const EncodedPacket& p : packets)
    {
        av_packet_unref(packet.get());
        if ((rc = av_new_packet(packet.get(), static_cast<int>(p.data.size()))) < 0)
        {
            throw std::runtime_error("anchor motion: " + AvErrorText(rc));
        }
        std::copy(p.data.begin(), p.data.end(), packet->data);
        packet->pts = p.pts;
        packet->dts = p.dts;
        if ((rc = avcodec_send_packet(context.get(), packet.get())) < 0)
        {
            throw std::runtime_error("anchor motion: decoding: " + AvErrorText(rc));
        }
        drain();
        if (p.pts >= 0 && p.pts < count)
        {
            out[p.pts].x264_bytes = p.data.size();
        }
    }
    avcodec_send_packet(context.get(), nullptr);
    drain();
    if (shown != count)
    {
        throw std::runtime_error("anchor motion: " + std::to_string(shown) + " pictures for " +
                                 std::to_string(count) + " frames");
    }
    // Each B frame's anchors: the nearest anchor before and after it in display order.
    for (int t = 0; t < count; ++t)
    {
        if (out[t].is_anchor)
        {
            continue;
        }
        for (int a : anchors)
        {
            if (a < t)
            {
                out[t].past_anchor = a;
            }
            else if (out[t].future_anchor < 0)
            {
                out[t].future_anchor = a;
            }
        }
        if (out[t].past_anchor < 0 || out[t].future_anchor < 0)
        {
            throw std::runtime_error("anchor motion: B frame " + std::to_string(t) +
                                     " without two anchors");
        }
    }
    return out;
}

} // namespace lvc
