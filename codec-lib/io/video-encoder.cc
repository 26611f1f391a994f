#include "io/video-encoder.h"

#include "io/av-holders.h"
#include "io/frame-converter.h"

extern "C"
{
#include <libavutil/opt.h>
}

#include <stdexcept>

namespace lvc
{

struct VideoEncoder::Impl
{
    CodecContextPtr context;
    AvPacketPtr packet = AllocPacket();
    std::int64_t next_pts = 0;
    std::string name;
};

VideoEncoder::VideoEncoder(const EncoderConfig& config)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->name = config.encoder;
    const AVCodec* codec = avcodec_find_encoder_by_name(config.encoder.c_str());
    if (!codec)
    {
        throw std::runtime_error("libavcodec has no encoder named " + config.encoder);
    }
    m_impl->context.reset(avcodec_alloc_context3(codec));
    AVCodecContext* c = m_impl->context.get();
    if (!c)
    {
        throw std::bad_alloc();
    }
    c->width = config.width;
    c->height = config.height;
    c->pix_fmt = AV_PIX_FMT_YUV420P;
    c->framerate = FpsToRational(config.fps);
    c->time_base = av_inv_q(c->framerate);
    c->color_range = AVCOL_RANGE_MPEG;
    c->colorspace = ToAvColorSpace(config.matrix);
    c->thread_count = config.threads;
    if (config.bitrate_bps > 0)
    {
        c->bit_rate = config.bitrate_bps;
    }
    if (config.max_rate_bps > 0)
    {
        c->rc_max_rate = config.max_rate_bps;
        c->rc_buffer_size = static_cast<int>(config.buffer_bits);
    }
    if (config.gop_frames > 0)
    {
        c->gop_size = config.gop_frames;
    }
    if (config.global_header)
    {
        c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    }
    AVDictionary* options = nullptr;
    for (const auto& [key, value] : config.options)
    {
        av_dict_set(&options, key.c_str(), value.c_str(), 0);
    }
    int status = avcodec_open2(c, codec, &options);
    AVDictionaryEntry* unused = av_dict_get(options, "", nullptr, AV_DICT_IGNORE_SUFFIX);
    std::string unused_key = unused ? unused->key : "";
    av_dict_free(&options);
    if (status < 0)
    {
        throw std::runtime_error("cannot open the " + config.encoder +
                                 " encoder: " + AvErrorText(status));
    }
    if (!unused_key.empty())
    {
        throw std::runtime_error("the " + config.encoder + " encoder has no option " + unused_key);
    }
}

VideoEncoder::~VideoEncoder() = default;

void
VideoEncoder::Send(const Frame& frame, std::vector<EncodedPacket>& out, ForcedPictureType type)
{
    AvFramePtr picture = ToAvFrame(frame);
    picture->pts = m_impl->next_pts++;
    switch (type)
    {
    case ForcedPictureType::kAuto:
        break;
    case ForcedPictureType::kIntra:
        picture->pict_type = AV_PICTURE_TYPE_I;
        break;
    case ForcedPictureType::kPredicted:
        picture->pict_type = AV_PICTURE_TYPE_P;
        break;
    case ForcedPictureType::kBidirectional:
        picture->pict_type = AV_PICTURE_TYPE_B;
        break;
    }
    int status = avcodec_send_frame(m_impl->context.get(), picture.get());
    if (status < 0)
    {
        throw std::runtime_error(m_impl->name + " encoding failed: " + AvErrorText(status));
    }
    Drain(out);
}

void
VideoEncoder::Finish(std::vector<EncodedPacket>& out)
{
    int status = avcodec_send_frame(m_impl->context.get(), nullptr);
    if (status < 0 && status != AVERROR_EOF)
    {
        throw std::runtime_error(m_impl->name + " flushing failed: " + AvErrorText(status));
    }
    Drain(out);
}

void
VideoEncoder::Drain(std::vector<EncodedPacket>& out)
{
    AVPacket* packet = m_impl->packet.get();
    while (true)
    {
        int status = avcodec_receive_packet(m_impl->context.get(), packet);
        if (status == AVERROR(EAGAIN) || status == AVERROR_EOF)
        {
            return;
        }
        if (status < 0)
        {
            throw std::runtime_error(m_impl->name + " encoding failed: " + AvErrorText(status));
        }
        EncodedPacket encoded;
        encoded.data.assign(packet->data, packet->data + packet->size);
        encoded.pts = packet->pts;
        encoded.dts = packet->dts;
        encoded.key = (packet->flags & AV_PKT_FLAG_KEY) != 0;
        out.push_back(std::move(encoded));
        av_packet_unref(packet);
    }
}

const AVCodecContext&
VideoEncoder::Context() const
{
    return *m_impl->context;
}

} // namespace lvc
