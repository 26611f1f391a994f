#include "io/packet-decoder.h"

#include "io/av-holders.h"
#include "io/frame-converter.h"

#include <cstring>
#include <stdexcept>

namespace lvc
{

struct PacketDecoder::Impl
{
    CodecContextPtr context;
    AvPacketPtr packet = AllocPacket();
    AvFramePtr picture = AllocFrame();
    FrameConverter converter;
    std::string name;
};

PacketDecoder::PacketDecoder(const std::string& decoder, int threads)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->name = decoder;
    const AVCodec* codec = avcodec_find_decoder_by_name(decoder.c_str());
    if (!codec)
    {
        throw std::runtime_error("libavcodec has no decoder named " + decoder);
    }
    m_impl->context.reset(avcodec_alloc_context3(codec));
    if (!m_impl->context)
    {
        throw std::bad_alloc();
    }
    m_impl->context->thread_count = threads;
    int status = avcodec_open2(m_impl->context.get(), codec, nullptr);
    if (status < 0)
    {
        throw std::runtime_error("cannot open the " + decoder + " decoder: " + AvErrorText(status));
    }
}

PacketDecoder::~PacketDecoder() = default;

void
PacketDecoder::Send(const EncodedPacket& packet, std::vector<Frame>& out)
{
    AVPacket* p = m_impl->packet.get();
    if (av_new_packet(p, static_cast<int>(packet.data.size())) < 0)
    {
        throw std::bad_alloc();
    }
    std::memcpy(p->data, packet.data.data(), packet.data.size());
    p->pts = packet.pts;
    p->dts = packet.dts;
    p->flags = packet.key ? AV_PKT_FLAG_KEY : 0;
    int status = avcodec_send_packet(m_impl->context.get(), p);
    av_packet_unref(p);
    if (status < 0)
    {
        throw std::runtime_error(m_impl->name + " decoding failed: " + AvErrorText(status));
    }
    Drain(out);
}

void
PacketDecoder::Finish(std::vector<Frame>& out)
{
    int status = avcodec_send_packet(m_impl->context.get(), nullptr);
    if (status < 0 && status != AVERROR_EOF)
    {
        throw std::runtime_error(m_impl->name + " flushing failed: " + AvErrorText(status));
    }
    Drain(out);
}

void
PacketDecoder::Drain(std::vector<Frame>& out)
{
    while (true)
    {
        int status = avcodec_receive_frame(m_impl->context.get(), m_impl->picture.get());
        if (status == AVERROR(EAGAIN) || status == AVERROR_EOF)
        {
            return;
        }
        if (status < 0)
        {
            throw std::runtime_error(m_impl->name + " decoding failed: " + AvErrorText(status));
        }
        out.push_back(m_impl->converter.Convert(*m_impl->picture));
        av_frame_unref(m_impl->picture.get());
    }
}

std::vector<Frame>
DecodePackets(const std::string& decoder, const std::vector<EncodedPacket>& packets, int threads)
{
    PacketDecoder d(decoder, threads);
    std::vector<Frame> frames;
    for (const EncodedPacket& packet : packets)
    {
        d.Send(packet, frames);
    }
    d.Finish(frames);
    return frames;
}

} // namespace lvc
